import { DomainError, DomainErrorCode } from '../common/domain-error.js';

/**
 * One answer for an unknown email, a wrong password and a deactivated account, so that the
 * answer never tells which emails have accounts.
 */
export class SignInRefused extends DomainError {
  readonly code = DomainErrorCode.NotAuthenticated;
  constructor() {
    super('Email or password is incorrect');
  }
}

export class SignInThrottled extends DomainError {
  readonly code = DomainErrorCode.TooManyAttempts;
  override readonly headers: Record<string, string>;
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many failed sign-ins: try again in ${retryAfterSeconds} seconds`);
    this.headers = { 'Retry-After': String(retryAfterSeconds) };
  }
}

export class AccessTokenMissing extends DomainError {
  readonly code = DomainErrorCode.NotAuthenticated;
  constructor() {
    super('Sign in first: send the access token as Authorization: Bearer <token>');
  }
}

/** Expired, tampered, signed with another key or algorithm: the caller need not know which. */
export class AccessTokenInvalid extends DomainError {
  readonly code = DomainErrorCode.NotAuthenticated;
  constructor() {
    super('The access token is invalid or expired: refresh it or sign in again');
  }
}

export class AccountInactive extends DomainError {
  readonly code = DomainErrorCode.NotAuthenticated;
  constructor() {
    super('This account is no longer active');
  }
}

export class RefreshTokenInvalid extends DomainError {
  readonly code = DomainErrorCode.NotAuthenticated;
  constructor() {
    super('The refresh token is invalid, expired or revoked: sign in again');
  }
}

export class RefreshTokenOfAnotherProvider extends DomainError {
  readonly code = DomainErrorCode.NotAllowed;
  constructor() {
    super('This refresh token belongs to another provider');
  }
}

export class RoleNotAllowed extends DomainError {
  readonly code = DomainErrorCode.NotAllowed;
  constructor(allowed: readonly string[]) {
    super(`Only ${allowed.join(' or ')} providers may do this`);
  }
}

/** A provider listing or searching faster than LIST_RATE_LIMIT_PER_MINUTE allows. */
export class ListingThrottled extends DomainError {
  readonly code = DomainErrorCode.TooManyAttempts;
  override readonly headers: Record<string, string>;
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many list and search requests: try again in ${retryAfterSeconds} seconds`);
    this.headers = { 'Retry-After': String(retryAfterSeconds) };
  }
}
