import { DomainErrorCode, FixedError } from '../../common/domain-error.js';

/** No such prescription on this record (it may exist on another: that is still 404). */
export class PrescriptionNotFound extends FixedError(DomainErrorCode.NotFound, 'Prescription not found on this record') {}

/**
 * An extracted medication name that mixes scripts (a Cyrillic о in "Amoxicillin") cannot be
 * checked against the allergies: typed, it would be refused at the door; extracted, it is
 * corrected (PATCH) before it can be accepted.
 */
export class MixedScriptMedication extends FixedError(
  DomainErrorCode.Conflict,
  'The medication name mixes letters of different scripts, so it cannot be checked against the allergies: correct it (PATCH) before accepting',
) {}
