import { DomainErrorCode, FixedError } from '../domain-error.js';

export class InvalidIdempotencyKey extends FixedError(DomainErrorCode.InvalidInput, 'Idempotency-Key must be 1 to 255 printable ASCII characters') {}

export class IdempotencyKeyReused extends FixedError(
  DomainErrorCode.Conflict,
  'This Idempotency-Key was used in the last 24 hours for a request with another body: use a new key for a new request',
) {}
