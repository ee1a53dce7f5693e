import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { AcceptablePassword, MAX_PASSWORD_LENGTH, PASSWORD_POLICY } from '../../identity/password-policy.js';

export class ChangePasswordDto {
  @ApiProperty({ format: 'password', maxLength: 1024, description: 'The password in use now (a temporary one after a reset)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1024)
  currentPassword!: string;

  @ApiProperty({ format: 'password', maxLength: MAX_PASSWORD_LENGTH, description: PASSWORD_POLICY })
  @AcceptablePassword()
  newPassword!: string;
}
