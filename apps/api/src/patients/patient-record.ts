import type { Sex } from '@clinic/db';
import type { NameKey } from '../common/cursors.js';

export const SEXES = ['male', 'female', 'other'] as const satisfies readonly Sex[];

/** A patient's demographics as the service works with them (dates of birth at UTC midnight). */
export interface PatientRecord {
  id: string;
  firstName: string;
  lastName: string;
  dateOfBirth: Date;
  sex: Sex;
  phone: string;
  email: string | null;
  address: string | null;
  emergencyContactName: string;
  emergencyContactPhone: string;
  emergencyContactRelationship: string | null;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What the front desk records when registering a patient. */
export type NewPatient = Omit<PatientRecord, 'id' | 'archivedAt' | 'createdAt' | 'updatedAt'>;

/** A partial update: absent fields stay as they are; null clears an optional one. */
export type PatientChanges = Partial<NewPatient>;


export interface PatientSearch {
  /** Words that must each occur in the first or the last name. */
  nameWords: string[];
  /** Words that must each occur in the last name ("Last, First" queries). */
  lastNameWords: string[];
  /** Words that must each occur in the first name ("Last, First" queries). */
  firstNameWords: string[];
  dateOfBirth?: string;
  /** The phone number's digits, without any formatting. */
  phoneDigits?: string;
  email?: string;
  includeArchived: boolean;
  after?: NameKey;
  take: number;
}
