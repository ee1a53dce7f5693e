// The people who sign in, each with the role that decides what they may do.

export type StaffRole = 'admin' | 'clinician' | 'staff';

export interface StaffMember {
  /** Stable key for the row id: renaming someone must not create a second account. */
  key: string;
  role: StaffRole;
  email: string;
  firstName: string;
  lastName: string;
  specialty: string | null;
  licenseNumber: string | null;
  phone: string | null;
}

// The one password of every development (and, unless overridden, staging) account.
export { DEVELOPMENT_PASSWORD } from '../passwords/index.js';

export const DEVELOPMENT_ADMIN_EMAIL = 'admin@clinic.example.org';

export const DEVELOPMENT_STAFF: readonly StaffMember[] = [
  {
    key: 'admin',
    role: 'admin',
    email: DEVELOPMENT_ADMIN_EMAIL,
    firstName: 'Avery',
    lastName: 'Morgan',
    specialty: null,
    licenseNumber: null,
    phone: '(617) 555-0100',
  },
  {
    key: 'okafor',
    role: 'clinician',
    email: 'amara.okafor@clinic.example.org',
    firstName: 'Amara',
    lastName: 'Okafor',
    specialty: 'Family Medicine',
    licenseNumber: 'SYN-MD-104233',
    phone: '(617) 555-0101',
  },
  {
    key: 'reyes',
    role: 'clinician',
    email: 'daniel.reyes@clinic.example.org',
    firstName: 'Daniel',
    lastName: 'Reyes',
    specialty: 'Internal Medicine',
    licenseNumber: 'SYN-MD-104871',
    phone: '(617) 555-0102',
  },
  {
    key: 'chen',
    role: 'clinician',
    email: 'mei.chen@clinic.example.org',
    firstName: 'Mei',
    lastName: 'Chen',
    specialty: 'Family Medicine',
    licenseNumber: 'SYN-MD-105512',
    phone: '(617) 555-0103',
  },
  {
    key: 'lindqvist',
    role: 'clinician',
    email: 'sara.lindqvist@clinic.example.org',
    firstName: 'Sara',
    lastName: 'Lindqvist',
    specialty: 'Family Nurse Practitioner',
    licenseNumber: 'SYN-NP-220914',
    phone: '(617) 555-0104',
  },
  {
    key: 'patel',
    role: 'staff',
    email: 'jordan.patel@clinic.example.org',
    firstName: 'Jordan',
    lastName: 'Patel',
    specialty: null,
    licenseNumber: null,
    phone: '(617) 555-0105',
  },
];

export const STAGING_ADMIN_EMAIL = 'admin@staging.clinic.example.org';

export const STAGING_STAFF: readonly StaffMember[] = [
  {
    key: 'admin',
    role: 'admin',
    email: STAGING_ADMIN_EMAIL,
    firstName: 'Staging',
    lastName: 'Administrator',
    specialty: null,
    licenseNumber: null,
    phone: '(617) 555-0110',
  },
  {
    key: 'harper',
    role: 'clinician',
    email: 'nia.harper@staging.clinic.example.org',
    firstName: 'Nia',
    lastName: 'Harper',
    specialty: 'Family Medicine',
    licenseNumber: 'SYN-MD-300101',
    phone: '(617) 555-0111',
  },
  {
    key: 'novak',
    role: 'clinician',
    email: 'tomas.novak@staging.clinic.example.org',
    firstName: 'Tomas',
    lastName: 'Novak',
    specialty: 'Internal Medicine',
    licenseNumber: 'SYN-MD-300102',
    phone: '(617) 555-0112',
  },
];

export function clinicians(staff: readonly StaffMember[]): StaffMember[] {
  return staff.filter((member) => member.role === 'clinician');
}
