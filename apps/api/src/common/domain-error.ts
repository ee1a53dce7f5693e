// Typed domain errors. Services throw these; one filter (domain-error.filter.ts) turns each code
// into the HTTP answer the API contract promises, so no controller chooses status codes.

export enum DomainErrorCode {
  DatabaseUnavailable = 'database_unavailable',
}

export abstract class DomainError extends Error {
  abstract readonly code: DomainErrorCode;
}

export class DatabaseUnavailable extends DomainError {
  readonly code = DomainErrorCode.DatabaseUnavailable;
  constructor() {
    super('The database does not answer');
  }
}
