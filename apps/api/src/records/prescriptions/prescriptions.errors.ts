import { DomainError, DomainErrorCode } from '../../common/domain-error.js';

/** No such prescription on this record (it may exist on another: that is still 404). */
export class PrescriptionNotFound extends DomainError {
  readonly code = DomainErrorCode.NotFound;
  constructor() {
    super('Prescription not found on this record');
  }
}
