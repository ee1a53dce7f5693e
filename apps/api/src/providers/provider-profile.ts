import type { ProviderRole } from '../auth/provider-role.js';

/** A provider as the API knows them: every column but the password hash, which is never loaded. */
export interface ProviderProfile {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  specialty: string | null;
  licenseNumber: string | null;
  phone: string | null;
  role: ProviderRole;
  isActive: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** What an admin may set on a new provider. */
export interface NewProvider {
  email: string;
  passwordHash: string;
  firstName: string;
  lastName: string;
  specialty: string | null;
  licenseNumber: string | null;
  phone: string | null;
  role: ProviderRole;
}

/** A partial update: absent fields stay as they are; null clears an optional one. */
export type ProviderChanges = Partial<Omit<NewProvider, 'passwordHash'> & { isActive: boolean }>;

/** The sort key of provider lists, and of their cursors. */
export type ProviderListKey = [lastName: string, firstName: string, id: string];

export interface ProviderListFilter {
  role?: ProviderRole;
  isActive?: boolean;
  after?: ProviderListKey;
  take: number;
}
