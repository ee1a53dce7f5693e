import { DomainError, DomainErrorCode } from '../../common/domain-error.js';

/** Only an item awaiting review can be accepted or rejected: a decision is taken once. */
export class NotAwaitingReview extends DomainError {
  readonly code = DomainErrorCode.Conflict;
  constructor(item: string, status: string) {
    super(`This ${item} is ${status}, not awaiting review: only pending AI-extracted items can be accepted or rejected`);
  }
}

/** A rejected item is kept as it was rejected, for the audit: it is neither corrected nor removed. */
export class RejectedItemKept extends DomainError {
  readonly code = DomainErrorCode.Conflict;
  constructor(item: string) {
    super(`This ${item} was rejected in review: it is kept unchanged for the audit`);
  }
}

/** A pending AI-extracted item is reviewed (accepted or rejected), not removed: the trail keeps the decision. */
export class PendingItemNotRemoved extends DomainError {
  readonly code = DomainErrorCode.Conflict;
  constructor(item: string) {
    super(`This ${item} awaits review: reject it instead of removing it, so that the decision is kept`);
  }
}

/** A record is signed only once the clinician has decided on every AI-extracted item. */
export class ItemsAwaitReview extends DomainError {
  readonly code = DomainErrorCode.Conflict;
  constructor(waiting: number) {
    super(`${waiting} ${waiting === 1 ? 'item awaits' : 'items await'} review: accept or reject every AI-extracted symptom and prescription before signing`);
  }
}
