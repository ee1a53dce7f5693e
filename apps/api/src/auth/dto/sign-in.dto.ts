import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, MaxLength } from 'class-validator';
import { SignInEmail } from '../../common/fields/contact.js';

export class SignInDto {
  @ApiProperty({ example: 'admin@clinic.example.org', maxLength: 255 })
  // Emails are stored in lower case; people type them however they like.
  @SignInEmail()
  email!: string;

  @ApiProperty({ format: 'password', maxLength: 1024 })
  @IsString()
  @IsNotEmpty()
  // Generous for old passwords, yet bounded: argon2's cost grows with the input.
  @MaxLength(1024)
  password!: string;
}
