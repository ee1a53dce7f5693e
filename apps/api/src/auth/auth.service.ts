import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { hashPassword, verifyPassword } from '@clinic/db/passwords';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { AuthenticatedProvider } from '../identity/authenticated-provider.js';
import { type ProviderDto, toProviderDto } from '../identity/dto/provider.dto.js';
import { ProviderAccountsRepository } from '../identity/provider-accounts.repository.js';
import type { ProviderProfile } from '../identity/provider-profile.js';
import { AccessTokens } from './access-tokens.js';
import { AuthAudit } from './auth-audit.js';
import {
  AccountInactive,
  CurrentPasswordWrong,
  PasswordUnchanged,
  RefreshTokenInvalid,
  RefreshTokenOfAnotherProvider,
  SignInRefused,
  SignInThrottled,
} from './auth.errors.js';
import { AuthRepository, type StoredRefreshToken } from './auth.repository.js';
import type { SessionDto } from './dto/session.dto.js';
import { LoginThrottle, type SignInAttempt } from './login-throttle.js';
import { hashRefreshToken, newRefreshToken } from './refresh-token.js';

@Injectable()
export class AuthService {
  private readonly refreshTtlMs: number;
  private readonly refreshIdleMs: number;
  private dummyPasswordHash?: Promise<string>;

  constructor(
    private readonly sessions: AuthRepository,
    private readonly accounts: ProviderAccountsRepository,
    private readonly accessTokens: AccessTokens,
    private readonly throttle: LoginThrottle,
    private readonly audit: AuthAudit,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.refreshTtlMs = config.auth.refreshTokenTtlSeconds * 1000;
    this.refreshIdleMs = config.auth.refreshTokenIdleSeconds * 1000;
  }

  /**
   * Every attempt leaves one event in the audit trail (never the email or the password): `login`
   * on success, in the transaction that starts the sign-in; `login_failed` with outcome `failed`
   * (actor: the account, or null for an unknown email) or `denied` when throttled (actor null:
   * the throttle answers before any account is looked up).
   */
  async signIn(attempt: SignInAttempt, password: string): Promise<SessionDto> {
    try {
      await this.throttle.reserve(attempt);
    } catch (error) {
      if (error instanceof SignInThrottled) await this.audit.record({ action: 'login_failed', resourceType: 'session', actorId: null, outcome: 'denied' });
      throw error;
    }
    const account = await this.accounts.findSignInAccount(attempt.email);
    // An unknown email costs one argon2 verification too, so timing does not tell it apart.
    const passwordMatches = await verifyPassword(account?.passwordHash ?? (await this.dummyHash()), password);
    if (!account || !passwordMatches || !account.profile.isActive) {
      // The attempt stays counted: that is the failure the throttle counts.
      await this.audit.record({ action: 'login_failed', resourceType: 'session', actorId: account?.profile.id ?? null, outcome: 'failed' });
      throw new SignInRefused();
    }
    await this.throttle.signedIn(attempt);
    return this.startSession(account.profile, account.sessionEpoch);
  }

  /**
   * A new pair for a live refresh token, which stops working. A token that was already replaced
   * or revoked means two holders of one token (one of them a thief): the whole sign-in ends.
   */
  async refreshSession(refreshToken: string): Promise<SessionDto> {
    const now = new Date();
    const presented = await this.sessions.findRefreshToken(hashRefreshToken(refreshToken));
    if (!presented) throw new RefreshTokenInvalid();
    if (presented.revokedAt) return this.endSignInOnReuse(presented, now);
    const [provider, authority] = await Promise.all([this.accounts.findProfile(presented.providerId), this.accounts.findAuthority(presented.providerId)]);
    if (!provider || !authority || !this.isUsable(presented, authority, now)) throw new RefreshTokenInvalid();

    const successor = newRefreshToken();
    if (!(await this.sessions.rotateRefreshToken(presented, hashRefreshToken(successor), now))) {
      return this.endSignInOnReuse(presented, now);
    }
    return this.sessionFor(provider, presented.sessionEpoch, successor);
  }

  /**
   * Ends the sign-in the token belongs to. Unknown or already revoked tokens: nothing to revoke,
   * but the sign-out is recorded all the same (`logout`, resourceId null for an unknown token);
   * another provider's token is refused and recorded as `logout` `denied`.
   */
  async signOut(caller: AuthenticatedProvider, refreshToken: string): Promise<void> {
    const presented = await this.sessions.findRefreshToken(hashRefreshToken(refreshToken));
    if (!presented) {
      await this.audit.record({ action: 'logout', resourceType: 'session', actorId: caller.id });
      return;
    }
    if (presented.providerId !== caller.id) {
      await this.audit.record({ action: 'logout', resourceType: 'session', resourceId: presented.familyId, actorId: caller.id, outcome: 'denied' });
      throw new RefreshTokenOfAnotherProvider();
    }
    await this.sessions.revokeFamily(presented.familyId, new Date(), { action: 'logout', resourceType: 'session', resourceId: presented.familyId, actorId: caller.id });
  }

  /** "Sign out everywhere": a new session epoch ends every access and refresh token at once, this one's too. */
  async signOutEverywhere(caller: AuthenticatedProvider): Promise<void> {
    if ((await this.accounts.endAllSessions(caller.id)) === null) throw new AccountInactive();
    await this.sessions.revokeAllOf(caller.id, new Date(), { action: 'logout', resourceType: 'session', actorId: caller.id });
  }

  /**
   * Changes the caller's own password: the current one must be given (a stolen access token alone
   * cannot take the account over, and guesses at it are throttled like sign-ins). Every other
   * session ends; the caller gets a new one in the answer and carries on.
   */
  async changePassword(caller: AuthenticatedProvider, currentPassword: string, newPassword: string): Promise<SessionDto> {
    await this.throttle.reservePasswordCheck(caller.id);
    const currentHash = await this.accounts.findPasswordHash(caller.id);
    if (currentHash === null) throw new AccountInactive();
    if (!(await verifyPassword(currentHash, currentPassword))) {
      await this.audit.record({ action: 'update', resourceType: 'provider', resourceId: caller.id, actorId: caller.id, outcome: 'denied' });
      throw new CurrentPasswordWrong();
    }
    await this.throttle.passwordChecked(caller.id);
    if (await verifyPassword(currentHash, newPassword)) throw new PasswordUnchanged();

    const sessionEpoch = await this.accounts.changePassword(caller.id, { passwordHash: await hashPassword(newPassword), mustChangePassword: false });
    const profile = await this.accounts.findProfile(caller.id);
    if (sessionEpoch === null || !profile) throw new AccountInactive();
    await this.sessions.revokeAllOf(caller.id, new Date(), { action: 'update', resourceType: 'provider', resourceId: caller.id, actorId: caller.id });
    return this.startSession(profile, sessionEpoch);
  }

  async describeCaller(caller: AuthenticatedProvider): Promise<ProviderDto> {
    const provider = await this.accounts.findProfile(caller.id);
    if (!provider || !provider.isActive) throw new AccountInactive();
    return toProviderDto(provider);
  }

  private async startSession(profile: ProviderProfile, sessionEpoch: number): Promise<SessionDto> {
    const refreshToken = newRefreshToken();
    await this.sessions.startSignIn({
      providerId: profile.id,
      tokenHash: hashRefreshToken(refreshToken),
      expiresAt: new Date(Date.now() + this.refreshTtlMs),
      sessionEpoch,
    });
    return this.sessionFor(profile, sessionEpoch, refreshToken);
  }

  private isUsable(token: StoredRefreshToken, authority: { isActive: boolean; sessionEpoch: number }, now: Date): boolean {
    const idleSince = now.getTime() - token.createdAt.getTime();
    return token.expiresAt > now && idleSince <= this.refreshIdleMs && authority.isActive && authority.sessionEpoch === token.sessionEpoch;
  }

  /** Recorded as a `refresh` `denied`, with the revocation, in the name of the token's provider. */
  private async endSignInOnReuse(token: StoredRefreshToken, now: Date): Promise<never> {
    await this.sessions.revokeFamily(token.familyId, now, { action: 'refresh', resourceType: 'session', resourceId: token.familyId, actorId: token.providerId, outcome: 'denied' });
    throw new RefreshTokenInvalid();
  }

  private async sessionFor(provider: ProviderProfile, sessionEpoch: number, refreshToken: string): Promise<SessionDto> {
    const { accessToken, expiresIn } = await this.accessTokens.issue(provider, sessionEpoch);
    return { accessToken, refreshToken, expiresIn, provider: toProviderDto(provider) };
  }

  /** A real argon2id hash of a password nobody knows, made once, for unknown emails. */
  private dummyHash(): Promise<string> {
    this.dummyPasswordHash ??= hashPassword(randomBytes(32).toString('base64url'));
    return this.dummyPasswordHash;
  }
}
