import type { ProviderRole } from './provider-role.js';

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
  /** Set by an admin's password reset: until the provider chooses a new password, only that is allowed. */
  mustChangePassword: boolean;
  createdAt: Date;
  updatedAt: Date;
}

/** A provider as charts name them (who saw, signed, amended): never the email, role or sign-in state. */
export type ProviderCard = Pick<ProviderProfile, 'id' | 'firstName' | 'lastName' | 'specialty' | 'licenseNumber' | 'phone' | 'isActive' | 'updatedAt'>;

/**
 * What a request may do, read from the database on every request (ProviderAuthorities): the
 * token says who the caller is, this says what they are now. An access token minted before the
 * provider's current session epoch is no longer honoured.
 */
export interface ProviderAuthority {
  id: string;
  role: ProviderRole;
  isActive: boolean;
  sessionEpoch: number;
  mustChangePassword: boolean;
}

/** The sign-in lookup: the profile, the hash to verify, and the epoch the new session starts in. */
export interface SignInAccount {
  profile: ProviderProfile;
  passwordHash: string;
  sessionEpoch: number;
}

/** What an admin may set on a new provider. */
export type NewProvider = Pick<ProviderProfile, 'email' | 'firstName' | 'lastName' | 'specialty' | 'licenseNumber' | 'phone' | 'role'> & { passwordHash: string };

/** A partial update: absent fields stay as they are; null clears an optional one. */
export type ProviderChanges = Partial<Omit<NewProvider, 'passwordHash'> & { isActive: boolean }>;

/** A new password: the provider's own choice, or an admin's temporary one that must be changed. */
export interface PasswordChange {
  passwordHash: string;
  mustChangePassword: boolean;
}

export interface ProviderListFilter {
  role?: ProviderRole;
  isActive?: boolean;
  after?: [lastName: string, firstName: string, id: string];
  take: number;
}
