import { DomainErrorCode, FixedError } from '../../common/domain-error.js';

/** No such symptom on this record (it may exist on another: that is still 404). */
export class SymptomNotFound extends FixedError(DomainErrorCode.NotFound, 'Symptom not found on this record') {}
