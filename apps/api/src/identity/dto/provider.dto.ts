import { ApiProperty } from '@nestjs/swagger';
import { PROVIDER_ROLES, type ProviderRole } from '../provider-role.js';
import type { ProviderProfile } from '../provider-profile.js';

/** A provider as every response shows them. Built field by field: no hash can slip in. */
export class ProviderDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'a.chen@clinic.example.org' })
  email!: string;

  @ApiProperty({ example: 'Amelia' })
  firstName!: string;

  @ApiProperty({ example: 'Chen' })
  lastName!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Family medicine' })
  specialty!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'MA-123456' })
  licenseNumber!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '(617) 555-0100' })
  phone!: string | null;

  @ApiProperty({ enum: PROVIDER_ROLES, enumName: 'ProviderRole', description: 'Which routes the provider may call' })
  role!: ProviderRole;

  @ApiProperty({ description: 'False: the provider cannot sign in' })
  isActive!: boolean;

  @ApiProperty({ description: 'True after an admin reset the password: until the provider chooses a new one (POST /api/v1/auth/password), every other route answers 403' })
  mustChangePassword!: boolean;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: string;
}

export function toProviderDto(provider: ProviderProfile): ProviderDto {
  return {
    id: provider.id,
    email: provider.email,
    firstName: provider.firstName,
    lastName: provider.lastName,
    specialty: provider.specialty,
    licenseNumber: provider.licenseNumber,
    phone: provider.phone,
    role: provider.role,
    isActive: provider.isActive,
    mustChangePassword: provider.mustChangePassword,
    createdAt: provider.createdAt.toISOString(),
    updatedAt: provider.updatedAt.toISOString(),
  };
}
