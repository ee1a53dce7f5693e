import { DomainError, DomainErrorCode, FixedError } from '../common/domain-error.js';

export class PatientNotFound extends FixedError(DomainErrorCode.NotFound, 'Patient not found') {}

/** An allergy onset or a diagnosis dated before the patient was born is a typing mistake. */
export class DateBeforeBirth extends DomainError {
  readonly code = DomainErrorCode.InvalidInput;
  constructor(field: string) {
    super(`${field} must not be before the patient's date of birth`);
  }
}

/** Refuses a chart date (allergy onset, diagnosis) earlier than the patient's birth. */
export function assertNotBeforeBirth(patient: { dateOfBirth: Date }, day: Date | null | undefined, field: string): void {
  if (day && day.getTime() < patient.dateOfBirth.getTime()) throw new DateBeforeBirth(field);
}
