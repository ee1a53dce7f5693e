import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AuthFixture } from './support/auth.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const WRONG_PASSWORD = 'Not-The-Password-1!';

function signIn(api: TestApp, email: string, password: string) {
  return api.http().post('/api/v1/auth/login').send({ email, password });
}

describe('sign-in throttling per account', () => {
  let api: TestApp;
  let accounts: AuthFixture;
  before(async () => {
    api = await startTestApp({ LOGIN_MAX_FAILURES: '3', LOGIN_MAX_FAILURES_PER_ADDRESS: '1000', LOGIN_LOCKOUT_SECONDS: '600' });
    accounts = new AuthFixture(api);
  });
  after(async () => {
    await accounts.close();
    await api.close();
  });

  it('answers 429 with Retry-After once an account reached its failures, even to the right password', async () => {
    const provider = await accounts.createProvider();
    for (let attempt = 0; attempt < 3; attempt++) await signIn(api, provider.email, WRONG_PASSWORD).expect(401);
    const throttled = await signIn(api, provider.email, provider.password).expect(429);
    assert.equal(throttled.body.statusCode, 429);
    assert.equal(throttled.body.error, 'Too Many Requests');
    const retryAfter = Number(throttled.headers['retry-after']);
    assert.ok(retryAfter > 590 && retryAfter <= 600, `Retry-After: ${throttled.headers['retry-after']}`);
    assert.equal(await accounts.prisma.refreshToken.count({ where: { providerId: provider.id } }), 0);
  });

  it('throttles unknown emails alike, so throttling does not reveal which accounts exist', async () => {
    for (let attempt = 0; attempt < 3; attempt++) await signIn(api, 'nobody-here@clinic.test', WRONG_PASSWORD).expect(401);
    await signIn(api, 'nobody-here@clinic.test', WRONG_PASSWORD).expect(429);
  });

  it('counts each account on its own', async () => {
    const locked = await accounts.createProvider();
    const other = await accounts.createProvider();
    for (let attempt = 0; attempt < 3; attempt++) await signIn(api, locked.email, WRONG_PASSWORD).expect(401);
    await signIn(api, locked.email, locked.password).expect(429);
    await signIn(api, other.email, other.password).expect(200);
  });

  it('starts an account afresh after a successful sign-in', async () => {
    const provider = await accounts.createProvider();
    for (let attempt = 0; attempt < 2; attempt++) await signIn(api, provider.email, WRONG_PASSWORD).expect(401);
    await signIn(api, provider.email, provider.password).expect(200);
    for (let attempt = 0; attempt < 2; attempt++) await signIn(api, provider.email, WRONG_PASSWORD).expect(401);
    await signIn(api, provider.email, provider.password).expect(200);
  });

  it('counts the email in any case as one account', async () => {
    const provider = await accounts.createProvider();
    await signIn(api, provider.email, WRONG_PASSWORD).expect(401);
    await signIn(api, provider.email.toUpperCase(), WRONG_PASSWORD).expect(401);
    await signIn(api, ` ${provider.email}`, WRONG_PASSWORD).expect(401);
    await signIn(api, provider.email, provider.password).expect(429);
  });
});

describe('sign-in throttling per client address', () => {
  let api: TestApp;
  let accounts: AuthFixture;
  before(async () => {
    api = await startTestApp({ LOGIN_MAX_FAILURES: '100', LOGIN_MAX_FAILURES_PER_ADDRESS: '4', LOGIN_LOCKOUT_SECONDS: '120' });
    accounts = new AuthFixture(api);
  });
  after(async () => {
    await accounts.close();
    await api.close();
  });

  it('answers 429 to every account from an address that failed too often, across accounts', async () => {
    for (let attempt = 0; attempt < 4; attempt++) await signIn(api, `guess-${attempt}@clinic.test`, WRONG_PASSWORD).expect(401);
    const fresh = await accounts.createProvider();
    const throttled = await signIn(api, fresh.email, fresh.password).expect(429);
    assert.ok(Number(throttled.headers['retry-after']) > 0);
  });
});
