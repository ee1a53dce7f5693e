// Typed domain errors. Services throw these; one filter (domain-error.filter.ts) turns each code
// into the HTTP answer the API contract promises, so no controller chooses status codes.

export enum DomainErrorCode {
  InvalidInput = 'invalid_input',
  InvalidCursor = 'invalid_cursor',
  NotAuthenticated = 'not_authenticated',
  NotAllowed = 'not_allowed',
  NotFound = 'not_found',
  Conflict = 'conflict',
  StaleWrite = 'stale_write',
  TooManyAttempts = 'too_many_attempts',
  DatabaseUnavailable = 'database_unavailable',
}

export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;
  override readonly name = this.constructor.name;
  /** Response headers the answer needs (Retry-After on a 429, for instance). */
  readonly headers?: Record<string, string>;
}

export class InvalidCursor extends DomainError {
  readonly code = DomainErrorCode.InvalidCursor;
  constructor() {
    super('cursor is not one this API returned');
  }
}

/** A resource that does not exist, or not under the parent named in the path. */
export class ResourceNotFound extends DomainError {
  readonly code = DomainErrorCode.NotFound;
  constructor(resource: string) {
    super(`${resource} not found`);
  }
}

export class StaleWrite extends DomainError {
  readonly code = DomainErrorCode.StaleWrite;
  constructor() {
    super('The resource changed since you read it (If-Match does not match its ETag): read it again');
  }
}

export class DatabaseUnavailable extends DomainError {
  readonly code = DomainErrorCode.DatabaseUnavailable;
  constructor() {
    super('The database does not answer');
  }
}
