// The API as `nx run api:serve`, the Dockerfile and the benchmarks start it: one ES module bundled
// from tsc's output by apps/api/bundle/bundle.mjs. Bundled here from the main.js compiled with the
// tests, then run as its own process against a test database: dependency injection (the decorator
// metadata), validation, the database and its migrations' checksums, the OpenAPI document and the
// audit trail must all work from the one file as they do from the many.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createPrismaClient, type PrismaClient } from '@clinic/db';
import { hashPassword } from '@clinic/db/seed';
import { createTestDatabase, type TestDatabase } from '@clinic/db/testing';
import { type ApiProcess, call, startApiProcess } from './support/api-process.js';
import { TEST_PASSWORD } from './support/auth.js';

const here = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));
// Inside the repository, so that what stays outside the bundle resolves from node_modules.
const BUNDLE = here('../bundle/main.bundle.mjs');

describe('the bundled API', () => {
  let database: TestDatabase;
  let prisma: PrismaClient;
  let api: ApiProcess;
  let token: string;

  before(async () => {
    await promisify(execFile)(process.execPath, [here('../../../bundle/bundle.mjs'), `--entry=${here('../src/main.js')}`, `--outfile=${BUNDLE}`]);
    database = await createTestDatabase();
    prisma = createPrismaClient({ databaseUrl: database.url, poolSize: 2 });
    api = await startApiProcess({ DATABASE_URL: database.app.databaseUrl, DATABASE_POOL_SIZE: '3' }, 60_000, BUNDLE);
    const email = 'bundled@clinic.test';
    await prisma.provider.create({
      data: { email, passwordHash: await hashPassword(TEST_PASSWORD), firstName: 'Bundled', lastName: 'Clinician', role: 'clinician', isActive: true },
    });
    const signIn = await call(api.baseUrl, 'POST', '/api/v1/auth/login', { body: { email, password: TEST_PASSWORD } });
    assert.equal(signIn.status, 200, JSON.stringify(signIn.body));
    token = (signIn.body as { accessToken: string }).accessToken;
  });

  after(async () => {
    await api?.stop();
    await prisma?.$disconnect();
    await database?.drop();
  });

  it('is ready on a migrated database, and serves its OpenAPI document', async () => {
    assert.equal((await call(api.baseUrl, 'GET', '/health/ready')).status, 200);
    const document = await call(api.baseUrl, 'GET', '/docs-json');
    assert.equal(document.status, 200);
    assert.match(String((document.body as { openapi?: string }).openapi), /^3\./);
  });

  it('registers, finds and reads a patient, with its audit events', async () => {
    const patient = {
      firstName: 'Bundla',
      lastName: 'Onefile',
      dateOfBirth: '1980-02-03',
      sex: 'other',
      phone: '555-010-0123',
      emergencyContactName: 'Contact Onefile',
      emergencyContactPhone: '555-010-0999',
    };
    const created = await call(api.baseUrl, 'POST', '/api/v1/patients', { token, body: patient });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = (created.body as { id: string }).id;
    const found = await call(api.baseUrl, 'GET', '/api/v1/patients?q=onef', { token });
    assert.equal(found.status, 200);
    assert.deepEqual((found.body as { data: { id: string }[] }).data.map((row) => row.id), [id]);
    assert.equal((await call(api.baseUrl, 'GET', `/api/v1/patients/${id}`, { token })).status, 200);
    const actions = (await prisma.auditEvent.findMany({ where: { patientIds: { has: id } }, select: { action: true } })).map((event) => event.action);
    assert.deepEqual(actions, ['search']);
  });

  it('keeps what a derived body inherits (OmitType): an allergy update trims its text and refuses a blank one', async () => {
    // class-transformer once bundled twice lost the @Transform that UpdateAllergyDto inherits (bundle.mjs).
    const patient = { firstName: 'Derived', lastName: 'Onefile', dateOfBirth: '1975-05-06', sex: 'female', phone: '555-010-0456', emergencyContactName: 'Contact', emergencyContactPhone: '555-010-0998' };
    const created = await call(api.baseUrl, 'POST', '/api/v1/patients', { token, body: patient });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const patientId = (created.body as { id: string }).id;
    const allergy = await call(api.baseUrl, 'POST', `/api/v1/patients/${patientId}/allergies`, { token, body: { allergen: 'Latex', reaction: 'Rash' } });
    assert.equal(allergy.status, 201, JSON.stringify(allergy.body));
    const allergyPath = `/api/v1/patients/${patientId}/allergies/${(allergy.body as { id: string }).id}`;
    const trimmed = await call(api.baseUrl, 'PATCH', allergyPath, { token, body: { reaction: '  Hives  ' } });
    assert.equal(trimmed.status, 200, JSON.stringify(trimmed.body));
    assert.equal((trimmed.body as { reaction: string }).reaction, 'Hives');
    assert.equal((await call(api.baseUrl, 'PATCH', allergyPath, { token, body: { reaction: '   ' } })).status, 400);
  });

  it('refuses bad input with 400, a missing token with 401, and an unknown patient with 404', async () => {
    assert.equal((await call(api.baseUrl, 'POST', '/api/v1/patients', { token, body: { firstName: '' } })).status, 400);
    assert.equal((await call(api.baseUrl, 'GET', '/api/v1/patients')).status, 401);
    assert.equal((await call(api.baseUrl, 'GET', '/api/v1/patients/00000000-0000-4000-8000-000000000000', { token })).status, 404);
  });
});
