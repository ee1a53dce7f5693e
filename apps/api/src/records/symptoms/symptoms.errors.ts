import { DomainError, DomainErrorCode } from '../../common/domain-error.js';

/** No such symptom on this record (it may exist on another: that is still 404). */
export class SymptomNotFound extends DomainError {
  readonly code = DomainErrorCode.NotFound;
  constructor() {
    super('Symptom not found on this record');
  }
}
