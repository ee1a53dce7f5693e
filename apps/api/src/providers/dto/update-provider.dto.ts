import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { PROVIDER_ROLES, type ProviderRole } from '../../auth/provider-role.js';
import { EmailField, NameField, OptionalTextField, PhoneField, RoleField, UnlessAbsent } from './provider-fields.js';

/** Fields left out stay as they are; `null` clears an optional one. */
export class UpdateProviderDto {
  @ApiPropertyOptional({ example: 'a.chen@clinic.example.org', description: 'Unique; stored in lower case' })
  @UnlessAbsent()
  @EmailField()
  email?: string;

  @ApiPropertyOptional({ example: 'Amelia', maxLength: 255 })
  @UnlessAbsent()
  @NameField()
  firstName?: string;

  @ApiPropertyOptional({ example: 'Chen', maxLength: 255 })
  @UnlessAbsent()
  @NameField()
  lastName?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 255 })
  @OptionalTextField()
  specialty?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 255 })
  @OptionalTextField()
  licenseNumber?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @PhoneField()
  phone?: string | null;

  @ApiPropertyOptional({ enum: PROVIDER_ROLES, enumName: 'ProviderRole', description: 'Admins only' })
  @UnlessAbsent()
  @RoleField()
  role?: ProviderRole;

  @ApiPropertyOptional({ description: 'Admins only. false deactivates: no sign-in, and every refresh token is revoked at once' })
  @UnlessAbsent()
  @IsBoolean()
  isActive?: boolean;
}
