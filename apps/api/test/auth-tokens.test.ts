import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { UnsecuredJWT } from 'jose';
import { AuthFixture, bearer, forgeAccessToken, jwtSecretOf, type SignedInProvider } from './support/auth.js';
import { startTestApp, type TestApp } from './support/test-app.js';

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('the access-token guard', () => {
  let api: TestApp;
  let accounts: AuthFixture;
  let admin: SignedInProvider;
  let secret: string;
  before(async () => {
    api = await startTestApp();
    accounts = new AuthFixture(api);
    admin = await accounts.signedIn({ role: 'admin' });
    secret = jwtSecretOf(api);
  });
  after(async () => {
    await accounts.close();
    await api.close();
  });

  async function expectRefused(token: string): Promise<void> {
    const response = await api.http().get('/api/v1/providers').set(bearer(token)).expect(401);
    assert.deepEqual(
      { statusCode: response.body.statusCode, error: response.body.error, message: typeof response.body.message },
      { statusCode: 401, error: 'Unauthorized', message: 'string' },
    );
  }

  it('accepts a token signed with the key and claims it expects', async () => {
    await api.http().get('/api/v1/providers').set(bearer(admin.accessToken)).expect(200);
    await api.http().get('/api/v1/providers').set(bearer(await forgeAccessToken({ sub: admin.id, secret }))).expect(200);
  });

  it('carries sub, role, iat, exp, iss and aud, and expires after 15 minutes', () => {
    const [header, payload] = admin.accessToken.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
    assert.equal(header.alg, 'HS256');
    assert.equal(payload.sub, admin.id);
    assert.equal(payload.role, 'admin');
    assert.equal(payload.exp - payload.iat, 900);
    assert.equal(typeof payload.iss, 'string');
    assert.equal(typeof payload.aud, 'string');
  });

  it('refuses a request without a token, or with another scheme', async () => {
    await api.http().get('/api/v1/providers').expect(401);
    await api.http().get('/api/v1/providers').set('Authorization', `Basic ${Buffer.from('admin:x').toString('base64')}`).expect(401);
    await api.http().get('/api/v1/providers').set('Authorization', 'Bearer').expect(401);
    await expectRefused('not-a-jwt');
  });

  it('refuses alg "none"', async () => {
    const unsigned = new UnsecuredJWT({ role: 'admin' }).setSubject(admin.id).setIssuedAt().setExpirationTime('10m').encode();
    await expectRefused(unsigned);
    // The same, with the claims the real tokens carry and an empty signature.
    const [, payload] = admin.accessToken.split('.');
    await expectRefused(`${base64url({ alg: 'none', typ: 'at+jwt' })}.${payload}.`);
  });

  it('refuses a token signed with another key', async () => {
    await expectRefused(await forgeAccessToken({ sub: admin.id, secret: 'a-different-secret-that-is-long-enough-to-use' }));
  });

  it('refuses a token whose payload was changed after signing', async () => {
    const clinician = await accounts.signedIn({ role: 'clinician' });
    const [header, payload, signature] = clinician.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString());
    await expectRefused(`${header}.${base64url({ ...claims, role: 'admin' })}.${signature}`);
    await expectRefused(`${header}.${base64url({ ...claims, sub: admin.id })}.${signature}`);
    // Another algorithm named in the header, same key: refused before the signature is checked.
    await expectRefused(`${base64url({ alg: 'HS512', typ: 'at+jwt' })}.${payload}.${signature}`);
  });

  it('refuses an expired token', async () => {
    const now = Math.floor(Date.now() / 1000);
    await expectRefused(await forgeAccessToken({ sub: admin.id, secret, issuedAt: now - 1000, expiresAt: now - 60 }));
  });

  it('refuses tokens with the wrong issuer, audience, type, role or subject', async () => {
    await expectRefused(await forgeAccessToken({ sub: admin.id, secret, issuer: 'someone-else' }));
    await expectRefused(await forgeAccessToken({ sub: admin.id, secret, audience: 'another-api' }));
    await expectRefused(await forgeAccessToken({ sub: admin.id, secret, type: 'JWT' }));
    await expectRefused(await forgeAccessToken({ sub: 'admin', secret }));
    // A provider that does not exist, or a session epoch the provider is not in.
    await expectRefused(await forgeAccessToken({ sub: randomUUID(), secret }));
    await expectRefused(await forgeAccessToken({ sub: admin.id, secret, sessionEpoch: 7 }));
  });

  it('takes the role from the database, never from the token: 403 when the provider\'s role may not use the route', async () => {
    for (const role of ['clinician', 'staff'] as const) {
      const provider = await accounts.createProvider({ role });
      const token = await forgeAccessToken({ sub: provider.id, secret, role: 'admin' });
      const response = await api.http().get('/api/v1/providers').set(bearer(token)).expect(403);
      assert.equal(response.body.error, 'Forbidden');
    }
  });

  it('leaves health and docs open to callers without a token', async () => {
    await api.http().get('/health/live').expect(200);
    await api.http().get('/health/ready').expect(200);
    await api.http().get('/docs-json').expect(200);
    await api.http().get('/docs').expect((response) => assert.ok(response.status < 400, `GET /docs answered ${response.status}`));
  });
});
