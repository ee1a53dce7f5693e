import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PROVIDER_ROLES, type ProviderRole } from '../../auth/provider-role.js';
import { AcceptablePassword, MAX_PASSWORD_LENGTH, PASSWORD_POLICY } from '../password-policy.js';
import { EmailField, NameField, OptionalTextField, PhoneField, RoleField } from './provider-fields.js';

export class CreateProviderDto {
  @ApiProperty({ example: 'a.chen@clinic.example.org', description: 'Unique; stored in lower case' })
  @EmailField()
  email!: string;

  @ApiProperty({ description: PASSWORD_POLICY, maxLength: MAX_PASSWORD_LENGTH, format: 'password' })
  @IsString()
  @MaxLength(MAX_PASSWORD_LENGTH)
  @AcceptablePassword()
  password!: string;

  @ApiProperty({ example: 'Amelia', maxLength: 255 })
  @NameField()
  firstName!: string;

  @ApiProperty({ example: 'Chen', maxLength: 255 })
  @NameField()
  lastName!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Family medicine', maxLength: 255 })
  @OptionalTextField()
  specialty?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'MA-123456', maxLength: 255 })
  @OptionalTextField()
  licenseNumber?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '(617) 555-0100' })
  @PhoneField()
  phone?: string | null;

  @ApiPropertyOptional({ enum: PROVIDER_ROLES, enumName: 'ProviderRole', default: 'clinician' })
  @IsOptional()
  @RoleField()
  role?: ProviderRole;
}
