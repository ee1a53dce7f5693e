import { DomainError, DomainErrorCode, FixedError } from '../common/domain-error.js';

/** No record yet for this appointment, or no record with this id. */
export class MedicalRecordNotFound extends FixedError(DomainErrorCode.NotFound, 'Medical record not found') {}

/** A signed record, its symptoms and prescriptions never change: corrections are amendments. */
export class RecordSigned extends FixedError(DomainErrorCode.Conflict, 'The medical record is signed and can no longer change: add an amendment instead') {}

/** Writes under /records/:recordId: a signed record's symptoms and prescriptions never change. */
export function assertDraft(record: { signedAt: Date | null }): void {
  if (record.signedAt !== null) throw new RecordSigned();
}

export class RecordNotSigned extends FixedError(DomainErrorCode.Conflict, 'The medical record is still a draft: edit it instead; amendments are for signed records') {}

/** A note for a visit that never happened. */
export class VisitNotHeld extends DomainError {
  readonly code = DomainErrorCode.Conflict;
  constructor(status: string) {
    super(`The appointment is ${status}: a visit that did not take place has no medical record`);
  }
}

/** A prescription that matches one of the patient's recorded allergies, without overrideReason. */
export class AllergyConflict extends DomainError {
  readonly code = DomainErrorCode.Conflict;
  constructor(medication: string, allergen: string, drugClass: string | undefined) {
    super(
      `${medication} conflicts with the patient's recorded allergy to ${allergen}${drugClass ? ` (both ${drugClass})` : ''}: ` +
        'send overrideReason to prescribe it anyway',
    );
  }
}
