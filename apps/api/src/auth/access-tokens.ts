import { Inject, Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { type JWTPayload, jwtVerify, SignJWT } from 'jose';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { AccessTokenInvalid } from './auth.errors.js';

// Fixed, so a token minted for another service with the same secret is still refused here.
export const ACCESS_TOKEN_ISSUER = 'clinic-records-api';
export const ACCESS_TOKEN_AUDIENCE = 'clinic-records-api';
// RFC 9068's media type: a refresh or ID token of some other flow is not an access token.
export const ACCESS_TOKEN_TYPE = 'at+jwt';
const ALGORITHM = 'HS256';
// Verified tokens remembered, at most: a clinic's signed-in devices, many times over. When full,
// the oldest entries go first (a Map iterates in insertion order).
const REMEMBERED_TOKENS = 10_000;

export interface IssuedAccessToken {
  accessToken: string;
  expiresIn: number;
}

/** Who a token says its bearer is, and in which of their session epochs it was issued. */
export interface AccessTokenSubject {
  providerId: string;
  sessionEpoch: number;
}

/**
 * Short-lived proof of who a provider is: HS256 JWTs with sub, sep (the session epoch), iat and
 * exp. The role the token also carries is for the client's display only: what a request may do
 * is read from the database on every request (AccessTokenGuard).
 */
@Injectable()
export class AccessTokens {
  private readonly key: Uint8Array;
  private readonly ttlSeconds: number;
  /**
   * Tokens whose signature and claims were checked, with their subject and expiry (epoch ms). A
   * client sends the same token with every request until it expires; checking the HMAC and the
   * claims once is enough, since the token's bytes cannot change. What the bearer may do is still
   * read from the database on every request, so a remembered token grants nothing a revoked
   * session or a changed role would not refuse.
   */
  private readonly verified = new Map<string, { subject: AccessTokenSubject; expiresAt: number }>();

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.key = new TextEncoder().encode(config.auth.jwtSecret);
    this.ttlSeconds = config.auth.accessTokenTtlSeconds;
  }

  async issue(provider: { id: string; role: string }, sessionEpoch: number): Promise<IssuedAccessToken> {
    const accessToken = await new SignJWT({ role: provider.role, sep: sessionEpoch })
      .setProtectedHeader({ alg: ALGORITHM, typ: ACCESS_TOKEN_TYPE })
      .setSubject(provider.id)
      .setIssuer(ACCESS_TOKEN_ISSUER)
      .setAudience(ACCESS_TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.key);
    return { accessToken, expiresIn: this.ttlSeconds };
  }

  /**
   * The subject a token names, or AccessTokenInvalid. The algorithm is pinned: a token that
   * names `none` or any other algorithm in its header is refused before its signature is read.
   */
  async verify(token: string): Promise<AccessTokenSubject> {
    const remembered = this.verified.get(token);
    if (remembered !== undefined) {
      if (Date.now() < remembered.expiresAt) return remembered.subject;
      this.verified.delete(token);
    }
    const { subject, expiresAt } = await this.check(token);
    this.remember(token, subject, expiresAt);
    return subject;
  }

  private remember(token: string, subject: AccessTokenSubject, expiresAt: number): void {
    if (this.verified.size >= REMEMBERED_TOKENS) {
      const now = Date.now();
      for (const [key, entry] of this.verified) if (entry.expiresAt <= now) this.verified.delete(key);
      // Still full of live tokens: forget the oldest tenth, so this sweep stays rare.
      if (this.verified.size >= REMEMBERED_TOKENS) {
        let forget = REMEMBERED_TOKENS / 10;
        for (const key of this.verified.keys()) {
          if (forget-- <= 0) break;
          this.verified.delete(key);
        }
      }
    }
    this.verified.set(token, { subject, expiresAt });
  }

  private async check(token: string): Promise<{ subject: AccessTokenSubject; expiresAt: number }> {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.key, {
        algorithms: [ALGORITHM],
        issuer: ACCESS_TOKEN_ISSUER,
        audience: ACCESS_TOKEN_AUDIENCE,
        typ: ACCESS_TOKEN_TYPE,
        requiredClaims: ['sub', 'iat', 'exp', 'sep'],
      }));
    } catch {
      throw new AccessTokenInvalid();
    }
    if (typeof payload.sub !== 'string' || !isUUID(payload.sub) || !Number.isSafeInteger(payload.sep)) throw new AccessTokenInvalid();
    // jwtVerify checked exp against the clock; remember the token no longer than it is valid.
    return { subject: { providerId: payload.sub, sessionEpoch: payload.sep as number }, expiresAt: (payload.exp as number) * 1000 };
  }
}
