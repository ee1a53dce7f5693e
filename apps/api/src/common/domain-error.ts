// Typed domain errors. Services throw these; one filter (domain-error.filter.ts) turns each code
// into the HTTP answer the API contract promises, so no controller chooses status codes.

export enum DomainErrorCode {
  InvalidInput = 'invalid_input',
  InvalidCursor = 'invalid_cursor',
  NotAuthenticated = 'not_authenticated',
  NotAllowed = 'not_allowed',
  PasswordChangeRequired = 'password_change_required',
  NotFound = 'not_found',
  Conflict = 'conflict',
  /** A valid request the server cannot carry out as configured (a recording with no transcription service). */
  NotProcessable = 'not_processable',
  PayloadTooLarge = 'payload_too_large',
  UnsupportedMediaType = 'unsupported_media_type',
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

/**
 * The base of a domain error that is one fixed sentence, so that declaring one is a line:
 * `export class PatientNotFound extends FixedError(DomainErrorCode.NotFound, 'Patient not found') {}`.
 */
export function FixedError(code: DomainErrorCode, message: string) {
  return class extends DomainError {
    readonly code = code;
    constructor() {
      super(message);
    }
  };
}

export class InvalidCursor extends FixedError(DomainErrorCode.InvalidCursor, 'cursor is not one this API returned') {}

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

/** How long a client should wait before retrying when the database is away. */
export const DATABASE_RETRY_AFTER_SECONDS = 2;

export class DatabaseUnavailable extends DomainError {
  readonly code = DomainErrorCode.DatabaseUnavailable;
  override readonly headers = { 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) };
  constructor() {
    super('The database is briefly unavailable: nothing was written; retry shortly');
  }
}
