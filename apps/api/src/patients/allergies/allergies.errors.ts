import { DomainErrorCode, FixedError } from '../../common/domain-error.js';

/** No such allergy on this patient's chart (it may exist on another's: that is still 404). */
export class AllergyNotFound extends FixedError(DomainErrorCode.NotFound, 'Allergy not found on this patient') {}
