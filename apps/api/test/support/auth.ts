// Accounts, sign-ins and hand-made tokens for tests of routes behind the access-token guard.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { createPrismaClient, type PrismaClient } from '@clinic/db';
import { hashPassword } from '@clinic/db/seed';
import { SignJWT } from 'jose';
import type { Response } from 'supertest';
import { ACCESS_TOKEN_AUDIENCE, ACCESS_TOKEN_ISSUER, ACCESS_TOKEN_TYPE } from '../../src/auth/access-tokens.js';
import type { ProviderRole } from '../../src/identity/provider-role.js';
import type { AppConfig } from '../../src/config/app-config.js';
import { APP_CONFIG } from '../../src/config/config.module.js';
import type { TestApp } from './test-app.js';

/** Meets the password policy; every test account has it unless a test says otherwise. */
export const TEST_PASSWORD = 'Exam-Room-4-Otoscope!';

export interface TestProvider {
  id: string;
  email: string;
  password: string;
  role: ProviderRole;
}

export interface Session {
  accessToken: string;
  refreshToken: string;
}

export interface SignedInProvider extends TestProvider, Session {}

export interface NewTestProvider {
  role?: ProviderRole;
  isActive?: boolean;
  email?: string;
  password?: string;
  firstName?: string;
  lastName?: string;
}

export function bearer(accessToken: string): { Authorization: string } {
  return { Authorization: `Bearer ${accessToken}` };
}

/** Fails when a response body carries a password hash, a token hash, or anything argon2. */
export function assertNoSecrets(response: Response, tokenHashes: readonly string[] = []): void {
  const body = JSON.stringify(response.body ?? '') + (response.text ?? '');
  assert.doesNotMatch(body, /passwordHash|tokenHash|\$argon2/i, 'a response carries a secret');
  for (const hash of tokenHashes) assert.ok(!body.includes(hash), 'a response carries a refresh token hash');
}

/** Accounts written straight into the suite's database, and sign-ins through the API. */
export class AuthFixture {
  readonly prisma: PrismaClient;

  constructor(private readonly api: TestApp) {
    this.prisma = createPrismaClient({ databaseUrl: api.database.url, poolSize: 1 });
  }

  async createProvider(options: NewTestProvider = {}): Promise<TestProvider> {
    const role = options.role ?? 'clinician';
    const password = options.password ?? TEST_PASSWORD;
    const email = options.email ?? `${role}-${randomUUID().slice(0, 8)}@clinic.test`;
    const { id } = await this.prisma.provider.create({
      data: {
        email,
        passwordHash: await hashPassword(password),
        firstName: options.firstName ?? 'Test',
        lastName: options.lastName ?? `${role[0]!.toUpperCase()}${role.slice(1)}`,
        role,
        isActive: options.isActive ?? true,
      },
      select: { id: true },
    });
    return { id, email, password, role };
  }

  async signIn(provider: Pick<TestProvider, 'email' | 'password'>): Promise<Session> {
    const response = await this.api.http().post('/api/v1/auth/login').send({ email: provider.email, password: provider.password }).expect(200);
    return { accessToken: response.body.accessToken, refreshToken: response.body.refreshToken };
  }

  async signedIn(options: NewTestProvider = {}): Promise<SignedInProvider> {
    const provider = await this.createProvider(options);
    return { ...provider, ...(await this.signIn(provider)) };
  }

  /** Rows per table, to show that a refused request wrote nothing. */
  async rowCounts(): Promise<{ providers: number; refreshTokens: number }> {
    const [providers, refreshTokens] = await Promise.all([this.prisma.provider.count(), this.prisma.refreshToken.count()]);
    return { providers, refreshTokens };
  }

  close(): Promise<void> {
    return this.prisma.$disconnect();
  }
}

/** The application's own signing secret, for tokens a test forges on purpose. */
export function jwtSecretOf(api: TestApp): string {
  return api.app.get<AppConfig>(APP_CONFIG).auth.jwtSecret;
}

export interface ForgedTokenOptions {
  sub: string;
  role?: string;
  secret: string;
  issuer?: string;
  audience?: string;
  type?: string;
  issuedAt?: number;
  expiresAt?: number;
  /** The session epoch the token claims (sep); the provider's current one is 0 until something ends their sessions. */
  sessionEpoch?: number;
}

/** An HS256 token with exactly the claims given: valid only if they match what the API expects. */
export function forgeAccessToken(options: ForgedTokenOptions): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ role: options.role ?? 'admin', sep: options.sessionEpoch ?? 0 })
    .setProtectedHeader({ alg: 'HS256', typ: options.type ?? ACCESS_TOKEN_TYPE })
    .setSubject(options.sub)
    .setIssuer(options.issuer ?? ACCESS_TOKEN_ISSUER)
    .setAudience(options.audience ?? ACCESS_TOKEN_AUDIENCE)
    .setIssuedAt(options.issuedAt ?? now)
    .setExpirationTime(options.expiresAt ?? now + 600)
    .sign(new TextEncoder().encode(options.secret));
}
