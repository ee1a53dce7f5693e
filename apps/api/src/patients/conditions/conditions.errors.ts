import { DomainErrorCode, FixedError } from '../../common/domain-error.js';

/** No such condition on this patient's chart (it may exist on another's: that is still 404). */
export class ConditionNotFound extends FixedError(DomainErrorCode.NotFound, 'Condition not found on this patient') {}
