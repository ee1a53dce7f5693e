import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** The body of refresh and sign-out. */
export class RefreshTokenDto {
  @ApiProperty({ description: 'The refreshToken of the latest sign-in or refresh answer' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(256)
  refreshToken!: string;
}
