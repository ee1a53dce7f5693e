import { DomainError, DomainErrorCode, FixedError, ResourceNotFound } from '../common/domain-error.js';

export class ProviderNotFound extends ResourceNotFound {
  constructor() {
    super('Provider');
  }
}

export class ProviderEmailTaken extends DomainError {
  readonly code = DomainErrorCode.Conflict;
  constructor(email: string) {
    super(`A provider with email ${email} already exists`);
  }
}

export class AccessTokenMissing extends FixedError(DomainErrorCode.NotAuthenticated, 'Sign in first: send the access token as Authorization: Bearer <token>') {}
