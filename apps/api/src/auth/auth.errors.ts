import { DomainError, DomainErrorCode, FixedError } from '../common/domain-error.js';

/**
 * One answer for an unknown email, a wrong password and a deactivated account, so that the
 * answer never tells which emails have accounts.
 */
export class SignInRefused extends FixedError(DomainErrorCode.NotAuthenticated, 'Email or password is incorrect') {}

export class SignInThrottled extends DomainError {
  readonly code = DomainErrorCode.TooManyAttempts;
  override readonly headers: Record<string, string>;
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many sign-in attempts: try again in ${retryAfterSeconds} seconds`);
    this.headers = { 'Retry-After': String(retryAfterSeconds) };
  }
}

/** Expired, tampered, signed with another key or algorithm: the caller need not know which. */
export class AccessTokenInvalid extends FixedError(DomainErrorCode.NotAuthenticated, 'The access token is invalid or expired: refresh it or sign in again') {}

export class AccountInactive extends FixedError(DomainErrorCode.NotAuthenticated, 'This account is no longer active') {}

/** A token from before a new role, a new password or "sign out everywhere". */
export class SessionEnded extends FixedError(DomainErrorCode.NotAuthenticated, 'This session has ended (the account changed, or every session was signed out): sign in again') {}

export class PasswordChangeRequired extends FixedError(DomainErrorCode.PasswordChangeRequired, 'Your password was reset: choose a new one (POST /api/v1/auth/password) before anything else') {}

export class CurrentPasswordWrong extends FixedError(DomainErrorCode.NotAllowed, 'The current password is incorrect') {}

export class PasswordUnchanged extends FixedError(DomainErrorCode.InvalidInput, 'The new password must differ from the current one') {}

export class RefreshTokenInvalid extends FixedError(DomainErrorCode.NotAuthenticated, 'The refresh token is invalid, expired or revoked: sign in again') {}

export class RefreshTokenOfAnotherProvider extends FixedError(DomainErrorCode.NotAllowed, 'This refresh token belongs to another provider') {}

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
