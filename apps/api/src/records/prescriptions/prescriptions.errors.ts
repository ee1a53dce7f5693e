import { DomainErrorCode, FixedError } from '../../common/domain-error.js';

/** No such prescription on this record (it may exist on another: that is still 404). */
export class PrescriptionNotFound extends FixedError(DomainErrorCode.NotFound, 'Prescription not found on this record') {}
