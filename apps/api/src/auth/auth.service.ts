import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { hashPassword, verifyPassword } from '@clinic/db/passwords';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { type ProviderDto, toProviderDto } from '../providers/dto/provider.dto.js';
import type { ProviderProfile } from '../providers/provider-profile.js';
import { AccessTokens } from './access-tokens.js';
import { AuthAudit } from './auth-audit.js';
import { AccountInactive, RefreshTokenInvalid, RefreshTokenOfAnotherProvider, SignInRefused, SignInThrottled } from './auth.errors.js';
import { AuthRepository, type StoredRefreshToken } from './auth.repository.js';
import type { AuthenticatedProvider } from './authenticated-provider.js';
import type { SessionDto } from './dto/session.dto.js';
import { LoginThrottle, type SignInAttempt } from './login-throttle.js';
import { hashRefreshToken, newRefreshToken } from './refresh-token.js';

@Injectable()
export class AuthService {
  private readonly refreshTtlMs: number;
  private readonly refreshIdleMs: number;
  private dummyPasswordHash?: Promise<string>;

  constructor(
    private readonly auth: AuthRepository,
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
      this.throttle.assertMayTry(attempt);
    } catch (error) {
      if (error instanceof SignInThrottled) await this.audit.record({ action: 'login_failed', resourceType: 'session', actorId: null, outcome: 'denied' });
      throw error;
    }
    const account = await this.auth.findSignInAccount(attempt.email);
    // An unknown email costs one argon2 verification too, so timing does not tell it apart.
    const passwordMatches = await verifyPassword(account?.passwordHash ?? (await this.dummyHash()), password);
    if (!account || !passwordMatches || !account.profile.isActive) {
      this.throttle.recordFailure(attempt);
      await this.audit.record({ action: 'login_failed', resourceType: 'session', actorId: account?.profile.id ?? null, outcome: 'failed' });
      throw new SignInRefused();
    }
    this.throttle.recordSuccess(attempt);

    const refreshToken = newRefreshToken();
    await this.auth.startSignIn({
      providerId: account.profile.id,
      tokenHash: hashRefreshToken(refreshToken),
      expiresAt: new Date(Date.now() + this.refreshTtlMs),
    });
    return this.sessionFor(account.profile, refreshToken);
  }

  /**
   * A new pair for a live refresh token, which stops working. A token that was already replaced
   * or revoked means two holders of one token (one of them a thief): the whole sign-in ends.
   */
  async refreshSession(refreshToken: string): Promise<SessionDto> {
    const now = new Date();
    const presented = await this.auth.findRefreshToken(hashRefreshToken(refreshToken));
    if (!presented) throw new RefreshTokenInvalid();
    if (presented.revokedAt) return this.endSignInOnReuse(presented, now);
    if (!this.isUsable(presented, now)) throw new RefreshTokenInvalid();

    const successor = newRefreshToken();
    if (!(await this.auth.rotateRefreshToken(presented, hashRefreshToken(successor), now))) {
      return this.endSignInOnReuse(presented, now);
    }
    return this.sessionFor(presented.provider, successor);
  }

  /**
   * Ends the sign-in the token belongs to. Unknown or already revoked tokens: nothing to revoke,
   * but the sign-out is recorded all the same (`logout`, resourceId null for an unknown token);
   * another provider's token is refused and recorded as `logout` `denied`.
   */
  async signOut(caller: AuthenticatedProvider, refreshToken: string): Promise<void> {
    const presented = await this.auth.findRefreshToken(hashRefreshToken(refreshToken));
    if (!presented) {
      await this.audit.record({ action: 'logout', resourceType: 'session', actorId: caller.id });
      return;
    }
    if (presented.provider.id !== caller.id) {
      await this.audit.record({ action: 'logout', resourceType: 'session', resourceId: presented.familyId, actorId: caller.id, outcome: 'denied' });
      throw new RefreshTokenOfAnotherProvider();
    }
    await this.auth.revokeFamily(presented.familyId, new Date(), { action: 'logout', resourceType: 'session', resourceId: presented.familyId, actorId: caller.id });
  }

  async describeCaller(caller: AuthenticatedProvider): Promise<ProviderDto> {
    const provider = await this.auth.findProfile(caller.id);
    // The access token outlives a deactivation by at most its TTL; the profile says so at once.
    if (!provider || !provider.isActive) throw new AccountInactive();
    return toProviderDto(provider);
  }

  private isUsable(token: StoredRefreshToken, now: Date): boolean {
    const idleSince = now.getTime() - token.createdAt.getTime();
    return token.expiresAt > now && idleSince <= this.refreshIdleMs && token.provider.isActive;
  }

  /** Recorded as a `refresh` `denied`, with the revocation, in the name of the token's provider. */
  private async endSignInOnReuse(token: StoredRefreshToken, now: Date): Promise<never> {
    await this.auth.revokeFamily(token.familyId, now, { action: 'refresh', resourceType: 'session', resourceId: token.familyId, actorId: token.provider.id, outcome: 'denied' });
    throw new RefreshTokenInvalid();
  }

  private async sessionFor(provider: ProviderProfile, refreshToken: string): Promise<SessionDto> {
    const { accessToken, expiresIn } = await this.accessTokens.issue({ id: provider.id, role: provider.role });
    return { accessToken, refreshToken, expiresIn, provider: toProviderDto(provider) };
  }

  /** A real argon2id hash of a password nobody knows, made once, for unknown emails. */
  private dummyHash(): Promise<string> {
    this.dummyPasswordHash ??= hashPassword(randomBytes(32).toString('base64url'));
    return this.dummyPasswordHash;
  }
}
