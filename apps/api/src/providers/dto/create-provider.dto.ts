import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { PhoneText, SignInEmail } from '../../common/fields/contact.js';
import { OneOf, OptionalText, RequiredText } from '../../common/fields/text.js';
import { PROVIDER_ROLES, type ProviderRole } from '../../identity/provider-role.js';
import { AcceptablePassword, PASSWORD_POLICY, MAX_PASSWORD_LENGTH } from '../../identity/password-policy.js';

export class CreateProviderDto {
  @ApiProperty({ example: 'a.chen@clinic.example.org', maxLength: 255, description: 'Unique; stored in lower case' })
  @SignInEmail()
  email!: string;

  @ApiProperty({ description: PASSWORD_POLICY, maxLength: MAX_PASSWORD_LENGTH, format: 'password' })
  @AcceptablePassword()
  password!: string;

  @ApiProperty({ example: 'Amelia', maxLength: 255 })
  @RequiredText()
  firstName!: string;

  @ApiProperty({ example: 'Chen', maxLength: 255 })
  @RequiredText()
  lastName!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Family medicine', maxLength: 255 })
  @OptionalText()
  specialty?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'MA-123456', maxLength: 255 })
  @OptionalText()
  licenseNumber?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '(617) 555-0100', maxLength: 50 })
  @IsOptional()
  @PhoneText()
  phone?: string | null;

  @ApiPropertyOptional({ enum: PROVIDER_ROLES, enumName: 'ProviderRole', default: 'clinician' })
  @IsOptional()
  @OneOf(PROVIDER_ROLES)
  role?: ProviderRole;
}
