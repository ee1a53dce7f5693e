import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { assertNoSecrets, AuthFixture, bearer, TEST_PASSWORD } from './support/auth.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const UNAUTHORIZED_SIGN_IN = { statusCode: 401, error: 'Unauthorized', code: 'not_authenticated', message: 'Email or password is incorrect' };

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

describe('sign-in, refresh, sign-out and /auth/me', () => {
  let api: TestApp;
  let accounts: AuthFixture;
  before(async () => {
    // Many refused sign-ins come from 127.0.0.1 here; throttling has its own suite.
    api = await startTestApp({ LOGIN_MAX_FAILURES_PER_ADDRESS: '1000', LOGIN_MAX_FAILURES: '100' });
    accounts = new AuthFixture(api);
  });
  after(async () => {
    await accounts.close();
    await api.close();
  });

  describe('POST /api/v1/auth/login', () => {
    it('answers a token pair and the provider for the right password', async () => {
      const provider = await accounts.createProvider({ role: 'staff' });
      const response = await api.http().post('/api/v1/auth/login').send({ email: provider.email, password: provider.password }).expect(200);
      assert.deepEqual(Object.keys(response.body).sort(), ['accessToken', 'expiresIn', 'provider', 'refreshToken']);
      assert.equal(response.body.expiresIn, 900);
      assert.match(response.body.accessToken, /^[\w-]+\.[\w-]+\.[\w-]+$/);
      assert.match(response.body.refreshToken, /^[\w-]{43}$/);
      assert.equal(response.body.provider.id, provider.id);
      assert.equal(response.body.provider.role, 'staff');
      assert.equal(response.body.provider.isActive, true);
      assertNoSecrets(response);

      const me = await api.http().get('/api/v1/auth/me').set(bearer(response.body.accessToken)).expect(200);
      assert.equal(me.body.email, provider.email);
    });

    it('stores only the SHA-256 of the refresh token', async () => {
      const provider = await accounts.createProvider();
      const session = await accounts.signIn(provider);
      const stored = await accounts.prisma.refreshToken.findMany({ where: { providerId: provider.id } });
      assert.equal(stored.length, 1);
      assert.equal(stored[0]!.tokenHash, sha256(session.refreshToken));
      assert.notEqual(stored[0]!.tokenHash, session.refreshToken);
    });

    it('accepts the email in any case and with surrounding spaces', async () => {
      const provider = await accounts.createProvider();
      await api.http().post('/api/v1/auth/login').send({ email: `  ${provider.email.toUpperCase()} `, password: provider.password }).expect(200);
    });

    it('answers the same 401 for a wrong password, an unknown email and a deactivated account', async () => {
      const provider = await accounts.createProvider();
      const inactive = await accounts.createProvider({ isActive: false });
      const before = await accounts.rowCounts();
      const wrongPassword = await api.http().post('/api/v1/auth/login').send({ email: provider.email, password: 'Not-The-Password-1!' }).expect(401);
      const unknownEmail = await api.http().post('/api/v1/auth/login').send({ email: 'nobody@clinic.test', password: TEST_PASSWORD }).expect(401);
      const deactivated = await api.http().post('/api/v1/auth/login').send({ email: inactive.email, password: inactive.password }).expect(401);
      for (const response of [wrongPassword, unknownEmail, deactivated]) assert.deepEqual(response.body, UNAUTHORIZED_SIGN_IN);
      assert.deepEqual(await accounts.rowCounts(), before);
    });

    it('spends about as long on an unknown email as on a wrong password', async () => {
      const provider = await accounts.createProvider();
      const timed = async (email: string) => {
        const started = process.hrtime.bigint();
        await api.http().post('/api/v1/auth/login').send({ email, password: 'Not-The-Password-1!' }).expect(401);
        return Number(process.hrtime.bigint() - started) / 1e6;
      };
      const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
      const known: number[] = [];
      const unknown: number[] = [];
      for (let round = 0; round < 5; round++) {
        known.push(await timed(provider.email));
        unknown.push(await timed(`unknown-${round}@clinic.test`));
      }
      // Loose on purpose (machines are noisy): without the dummy verification an unknown email
      // answers in about a millisecond, against tens for an argon2 verification.
      assert.ok(median(unknown) > median(known) * 0.4, `unknown ${median(unknown)}ms vs known ${median(known)}ms`);
    });

    it('refuses invalid bodies with 400, field errors, and nothing written', async () => {
      const provider = await accounts.createProvider();
      const before = await accounts.rowCounts();
      const cases: [string, object | string][] = [
        ['unknown field', { email: provider.email, password: provider.password, rememberMe: true }],
        ['wrong type', { email: provider.email, password: 12345 }],
        ['missing password', { email: provider.email }],
        ['not an email', { email: 'front-desk', password: provider.password }],
        ['array for email', { email: [provider.email], password: provider.password }],
      ];
      for (const [name, body] of cases) {
        const response = await api.http().post('/api/v1/auth/login').send(body).expect(400);
        assert.equal(response.body.statusCode, 400, name);
        assert.ok(Array.isArray(response.body.errors) && response.body.errors.length > 0, name);
      }
      const unknownField = await api.http().post('/api/v1/auth/login').send(cases[0]![1]).expect(400);
      assert.deepEqual(unknownField.body.errors.map((error: { field: string }) => error.field), ['rememberMe']);
      const malformed = await api.http().post('/api/v1/auth/login').set('Content-Type', 'application/json').send('{"email": "a@b.c",').expect(400);
      assert.equal(malformed.body.statusCode, 400);
      assert.deepEqual(await accounts.rowCounts(), before);
    });
  });

  describe('POST /api/v1/auth/refresh', () => {
    it('answers a new pair and retires the token it was given', async () => {
      const provider = await accounts.signedIn();
      const response = await api.http().post('/api/v1/auth/refresh').send({ refreshToken: provider.refreshToken }).expect(200);
      assert.notEqual(response.body.refreshToken, provider.refreshToken);
      assert.equal(response.body.provider.id, provider.id);
      assert.equal(response.body.expiresIn, 900);
      assertNoSecrets(response, [sha256(provider.refreshToken), sha256(response.body.refreshToken)]);
      await api.http().get('/api/v1/auth/me').set(bearer(response.body.accessToken)).expect(200);
      await api.http().post('/api/v1/auth/refresh').send({ refreshToken: response.body.refreshToken }).expect(200);

      const stored = await accounts.prisma.refreshToken.findUniqueOrThrow({ where: { tokenHash: sha256(provider.refreshToken) } });
      assert.ok(stored.revokedAt && stored.lastUsedAt && stored.replacedById);
    });

    it('ends the whole sign-in when a replaced token is presented again', async () => {
      const provider = await accounts.signedIn();
      const first = await api.http().post('/api/v1/auth/refresh').send({ refreshToken: provider.refreshToken }).expect(200);
      const second = await api.http().post('/api/v1/auth/refresh').send({ refreshToken: first.body.refreshToken }).expect(200);

      const reuse = await api.http().post('/api/v1/auth/refresh').send({ refreshToken: provider.refreshToken }).expect(401);
      assert.deepEqual(Object.keys(reuse.body).sort(), ['code', 'error', 'message', 'statusCode']);
      assert.equal(reuse.body.error, 'Unauthorized');
      // The latest token, which the thief or the owner holds, is dead too.
      await api.http().post('/api/v1/auth/refresh').send({ refreshToken: second.body.refreshToken }).expect(401);
      const live = await accounts.prisma.refreshToken.count({ where: { providerId: provider.id, revokedAt: null } });
      assert.equal(live, 0);
    });

    it('lets only one of two simultaneous refreshes with one token win, and ends that sign-in', async () => {
      const provider = await accounts.signedIn();
      const answers = await Promise.all([0, 1].map(() => api.http().post('/api/v1/auth/refresh').send({ refreshToken: provider.refreshToken })));
      assert.deepEqual(answers.map((answer) => answer.status).sort(), [200, 401]);
      const winner = answers.find((answer) => answer.status === 200)!;
      await api.http().post('/api/v1/auth/refresh').send({ refreshToken: winner.body.refreshToken }).expect(401);
    });

    it('refuses unknown, expired and idle tokens with 401', async () => {
      await api.http().post('/api/v1/auth/refresh').send({ refreshToken: 'x'.repeat(43) }).expect(401);

      const expired = await accounts.signedIn();
      await accounts.prisma.refreshToken.updateMany({ where: { providerId: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
      await api.http().post('/api/v1/auth/refresh').send({ refreshToken: expired.refreshToken }).expect(401);

      // REFRESH_TOKEN_IDLE_SECONDS defaults to 30 minutes.
      const idle = await accounts.signedIn();
      await accounts.prisma.refreshToken.updateMany({ where: { providerId: idle.id }, data: { createdAt: new Date(Date.now() - 31 * 60_000) } });
      await api.http().post('/api/v1/auth/refresh').send({ refreshToken: idle.refreshToken }).expect(401);
    });

    it('refuses invalid bodies with 400 and writes nothing', async () => {
      const provider = await accounts.signedIn();
      const before = await accounts.rowCounts();
      for (const body of [{}, { refreshToken: 42 }, { refreshToken: provider.refreshToken, scope: 'admin' }, { refreshToken: '' }]) {
        const response = await api.http().post('/api/v1/auth/refresh').send(body).expect(400);
        assert.ok(response.body.errors.length > 0);
      }
      await api.http().post('/api/v1/auth/refresh').set('Content-Type', 'application/json').send('{refreshToken:').expect(400);
      assert.deepEqual(await accounts.rowCounts(), before);
      // The token survived the bad requests.
      await api.http().post('/api/v1/auth/refresh').send({ refreshToken: provider.refreshToken }).expect(200);
    });
  });

  describe('POST /api/v1/auth/logout', () => {
    it('revokes the refresh token (204), after which it cannot refresh', async () => {
      const provider = await accounts.signedIn();
      const response = await api.http().post('/api/v1/auth/logout').set(bearer(provider.accessToken)).send({ refreshToken: provider.refreshToken }).expect(204);
      assert.equal(response.text, '');
      await api.http().post('/api/v1/auth/refresh').send({ refreshToken: provider.refreshToken }).expect(401);
    });

    it('is idempotent: an unknown or already revoked token answers 204', async () => {
      const provider = await accounts.signedIn();
      await api.http().post('/api/v1/auth/logout').set(bearer(provider.accessToken)).send({ refreshToken: provider.refreshToken }).expect(204);
      await api.http().post('/api/v1/auth/logout').set(bearer(provider.accessToken)).send({ refreshToken: provider.refreshToken }).expect(204);
      await api.http().post('/api/v1/auth/logout').set(bearer(provider.accessToken)).send({ refreshToken: 'y'.repeat(43) }).expect(204);
    });

    it('needs an access token (401), of the token owner (403)', async () => {
      const owner = await accounts.signedIn();
      const other = await accounts.signedIn();
      const anonymous = await api.http().post('/api/v1/auth/logout').send({ refreshToken: owner.refreshToken }).expect(401);
      assert.equal(anonymous.body.error, 'Unauthorized');
      await api.http().post('/api/v1/auth/logout').set(bearer(other.accessToken)).send({ refreshToken: owner.refreshToken }).expect(403);
      await api.http().post('/api/v1/auth/refresh').send({ refreshToken: owner.refreshToken }).expect(200);
    });

    it('refuses invalid bodies with 400 and revokes nothing', async () => {
      const provider = await accounts.signedIn();
      for (const body of [{}, { refreshToken: 7 }, { refreshToken: provider.refreshToken, everywhere: true }]) {
        await api.http().post('/api/v1/auth/logout').set(bearer(provider.accessToken)).send(body).expect(400);
      }
      assert.equal(await accounts.prisma.refreshToken.count({ where: { providerId: provider.id, revokedAt: { not: null } } }), 0);
    });
  });

  describe('GET /api/v1/auth/me', () => {
    it('answers the caller without secrets', async () => {
      const provider = await accounts.signedIn({ role: 'admin', firstName: 'Imani', lastName: 'Okafor' });
      const response = await api.http().get('/api/v1/auth/me').set(bearer(provider.accessToken)).expect(200);
      assert.deepEqual(
        Object.keys(response.body).sort(),
        ['createdAt', 'email', 'firstName', 'id', 'isActive', 'lastName', 'licenseNumber', 'mustChangePassword', 'phone', 'role', 'specialty', 'updatedAt'],
      );
      assert.equal(response.body.firstName, 'Imani');
      assert.equal(response.body.role, 'admin');
      assertNoSecrets(response);
    });

    it('answers 401 without a token, with the contract body and the Bearer challenge', async () => {
      const response = await api.http().get('/api/v1/auth/me').expect(401);
      assert.equal(response.body.statusCode, 401);
      assert.equal(response.body.error, 'Unauthorized');
      assert.equal(typeof response.body.message, 'string');
      assert.match(response.headers['www-authenticate'] ?? '', /^Bearer/);
    });

    it('answers 401 once the account is deactivated, though the access token has not expired', async () => {
      const provider = await accounts.signedIn();
      await accounts.prisma.provider.update({ where: { id: provider.id }, data: { isActive: false } });
      await api.http().get('/api/v1/auth/me').set(bearer(provider.accessToken)).expect(401);
    });
  });

  it('documents every auth route with its answers and the bearer scheme', async () => {
    const { body } = await api.http().get('/docs-json').expect(200);
    const responses = (path: string, method: string) => Object.keys(body.paths[path][method].responses).sort();
    assert.deepEqual(responses('/api/v1/auth/login', 'post'), ['200', '400', '401', '429', '503']);
    assert.deepEqual(responses('/api/v1/auth/refresh', 'post'), ['200', '400', '401', '503']);
    assert.deepEqual(responses('/api/v1/auth/logout', 'post'), ['204', '400', '401', '403', '503']);
    assert.deepEqual(responses('/api/v1/auth/me', 'get'), ['200', '401', '503']);
    assert.ok(body.paths['/api/v1/auth/login'].post.responses['429'].headers['Retry-After']);
    assert.deepEqual(body.paths['/api/v1/auth/me'].get.security, [{ bearer: [] }]);
    assert.deepEqual(body.paths['/api/v1/auth/login'].post.security, [], 'public: no token');
    assert.ok(body.components.schemas.SessionDto.properties.refreshToken);
    assert.equal(body.components.schemas.ProviderDto.properties.passwordHash, undefined);
  });
});
