import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { PhoneText, SignInEmail } from '../../common/fields/contact.js';
import { OneOf, OptionalText, RequiredText, UnlessAbsent } from '../../common/fields/text.js';
import { PROVIDER_ROLES, type ProviderRole } from '../../identity/provider-role.js';

/** Fields left out stay as they are; `null` clears an optional one. */
export class UpdateProviderDto {
  @ApiPropertyOptional({ example: 'a.chen@clinic.example.org', maxLength: 255, description: 'Unique; stored in lower case' })
  @UnlessAbsent()
  @SignInEmail()
  email?: string;

  @ApiPropertyOptional({ example: 'Amelia', maxLength: 255 })
  @UnlessAbsent()
  @RequiredText()
  firstName?: string;

  @ApiPropertyOptional({ example: 'Chen', maxLength: 255 })
  @UnlessAbsent()
  @RequiredText()
  lastName?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 255 })
  @OptionalText()
  specialty?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 255 })
  @OptionalText()
  licenseNumber?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 50 })
  @IsOptional()
  @PhoneText()
  phone?: string | null;

  @ApiPropertyOptional({ enum: PROVIDER_ROLES, enumName: 'ProviderRole', description: 'Admins only. A new role ends the provider\'s sessions: they sign in again' })
  @UnlessAbsent()
  @OneOf(PROVIDER_ROLES)
  role?: ProviderRole;

  @ApiPropertyOptional({ description: 'Admins only. false deactivates: no sign-in, and every session ends at once (its next request answers 401)' })
  @UnlessAbsent()
  @IsBoolean()
  isActive?: boolean;
}
