// Two API processes on one database, as two replicas behind a load balancer: whatever a request
// depends on (sign-in and list throttles, sessions, session epochs) lives in PostgreSQL, so the
// limits are the clinic's, not each process's.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createPrismaClient, type PrismaClient } from '@clinic/db';
import { hashPassword } from '@clinic/db/seed';
import { createTestDatabase, type TestDatabase } from '@clinic/db/testing';
import { type ApiProcess, call, startApiProcess } from './support/api-process.js';
import { TEST_PASSWORD } from './support/auth.js';

describe('two API processes on one database', () => {
  let database: TestDatabase;
  let prisma: PrismaClient;
  let first: ApiProcess;
  let second: ApiProcess;

  before(async () => {
    database = await createTestDatabase();
    prisma = createPrismaClient({ databaseUrl: database.url, poolSize: 2 });
    const env = {
      DATABASE_URL: database.app.databaseUrl,
      DATABASE_POOL_SIZE: '3',
      LOGIN_MAX_FAILURES: '5',
      LIST_RATE_LIMIT_PER_MINUTE: '4',
      // Read on every request, so that a session ended through one process is refused by the other at once.
      AUTHORITY_CACHE_SECONDS: '0',
    };
    [first, second] = await Promise.all([startApiProcess(env), startApiProcess(env)]);
  });

  after(async () => {
    await Promise.all([first?.stop(), second?.stop()]);
    await prisma?.$disconnect();
    await database?.drop();
  });

  async function createClinician(email: string): Promise<void> {
    await prisma.provider.create({
      data: { email, passwordHash: await hashPassword(TEST_PASSWORD), firstName: 'Shared', lastName: 'Limits', role: 'clinician', isActive: true },
    });
  }

  it('are two processes, each on its own port', () => {
    assert.notEqual(first.pid, second.pid);
    assert.notEqual(first.baseUrl, second.baseUrl);
  });

  it('lock an account after 3 failed sign-ins on one and 3 on the other (limit 5)', async () => {
    const email = 'shared-lockout@clinic.test';
    await createClinician(email);
    const wrong = { email, password: 'Not-The-Password-1!' };
    for (let attempt = 1; attempt <= 3; attempt++) {
      assert.equal((await call(first.baseUrl, 'POST', '/api/v1/auth/login', { body: wrong })).status, 401, `attempt ${attempt} on the first`);
    }
    for (let attempt = 4; attempt <= 5; attempt++) {
      assert.equal((await call(second.baseUrl, 'POST', '/api/v1/auth/login', { body: wrong })).status, 401, `attempt ${attempt} on the second`);
    }
    const sixth = await call(second.baseUrl, 'POST', '/api/v1/auth/login', { body: wrong });
    assert.equal(sixth.status, 429, 'the sixth attempt, the third on the second process');
    assert.ok(Number(sixth.headers.get('retry-after')) >= 1);
    // Locked on both: even the right password waits, wherever it is tried.
    for (const process of [first, second]) {
      assert.equal((await call(process.baseUrl, 'POST', '/api/v1/auth/login', { body: { email, password: TEST_PASSWORD } })).status, 429);
    }
    const counter = await prisma.throttleCounter.findUniqueOrThrow({ where: { key: `sign-in account ${email}` } });
    assert.equal(counter.count, 8);
  });

  it('share the list limit of a provider (4 a minute: 2 on each, then 429 on either)', async () => {
    const email = 'shared-lists@clinic.test';
    await createClinician(email);
    const signedIn = await call(first.baseUrl, 'POST', '/api/v1/auth/login', { body: { email, password: TEST_PASSWORD } });
    assert.equal(signedIn.status, 200);
    const token = signedIn.body.accessToken as string;
    for (const process of [first, second, first, second]) {
      assert.equal((await call(process.baseUrl, 'GET', '/api/v1/patients', { token })).status, 200);
    }
    for (const process of [first, second]) {
      const refused = await call(process.baseUrl, 'GET', '/api/v1/patients', { token });
      assert.equal(refused.status, 429);
      assert.ok(Number(refused.headers.get('retry-after')) >= 1);
    }
  });

  it('share sessions: a refresh token from one process works on the other, and signing out everywhere on one ends the access token on the other', async () => {
    const email = 'shared-session@clinic.test';
    await createClinician(email);
    const signedIn = await call(first.baseUrl, 'POST', '/api/v1/auth/login', { body: { email, password: TEST_PASSWORD } });
    assert.equal(signedIn.status, 200);
    const refreshed = await call(second.baseUrl, 'POST', '/api/v1/auth/refresh', { body: { refreshToken: signedIn.body.refreshToken } });
    assert.equal(refreshed.status, 200);
    const token = refreshed.body.accessToken as string;
    assert.equal((await call(first.baseUrl, 'GET', '/api/v1/auth/me', { token })).status, 200);
    assert.equal((await call(first.baseUrl, 'POST', '/api/v1/auth/logout-all', { token })).status, 204);
    assert.equal((await call(second.baseUrl, 'GET', '/api/v1/auth/me', { token })).status, 401);
    // The rotated-away refresh token was used once already: neither process takes it again.
    assert.equal((await call(first.baseUrl, 'POST', '/api/v1/auth/refresh', { body: { refreshToken: signedIn.body.refreshToken } })).status, 401);
  });
});
