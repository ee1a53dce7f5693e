// Every resource the server produces over the whole development seed is valid R4: every
// patient's $everything, read through HTTP as a note reader, validated with 0 errors, every
// reference resolved in its Bundle. The seed's 200 patients take about a minute here (seeding
// included); the figures are printed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createPrismaClient, type PrismaClient } from '@clinic/db';
import { seedDatabase } from '@clinic/db/seed';
import { unresolvedReferences, validateR4 } from '@clinic/fhir/testing';
import type { Bundle } from '@medplum/fhirtypes';
import { fhirGet, walk } from './support/fhir.js';
import { startTestApp, type TestApp } from './support/test-app.js';

// The seed's published development password (README, "Seeds").
const DEVELOPMENT_PASSWORD = 'DevOnly-Clinic-2025!';

describe('the development seed through the FHIR API', () => {
  let api: TestApp;
  let prisma: PrismaClient;
  let seededIn = 0;

  before(async () => {
    api = await startTestApp({ LIST_RATE_LIMIT_PER_MINUTE: '100000' });
    prisma = createPrismaClient({ databaseUrl: api.database.url, poolSize: 1 });
    seededIn = (await seedDatabase(prisma, 'development')).durationMs;
  });
  after(async () => {
    await prisma.$disconnect();
    await api.close();
  });

  async function signIn(email: string): Promise<string> {
    const response = await api.http().post('/api/v1/auth/login').send({ email, password: DEVELOPMENT_PASSWORD }).expect(200);
    return response.body.accessToken as string;
  }

  it('gives every patient a valid $everything whose references all resolve, and staff none of the notes', async (t) => {
    const started = performance.now();
    const admin = await signIn('admin@clinic.example.org');
    const staff = await signIn('jordan.patel@clinic.example.org');
    const patients = (await walk(api, '/fhir/R4/Patient?active=true,false&_count=200', admin)).entries.map((entry) => entry.resource!.id!);
    assert.equal(patients.length, await prisma.patient.count());
    let resources = 0;
    const types = new Map<string, number>();
    for (const patientId of patients) {
      const response = await fhirGet(api, `Patient/${patientId}/$everything`, admin);
      assert.equal(response.status, 200, response.text);
      const bundle = response.body as Bundle;
      assert.deepEqual(validateR4(bundle), [], patientId);
      assert.deepEqual(unresolvedReferences(bundle), [], patientId);
      resources += bundle.entry?.length ?? 0;
      for (const entry of bundle.entry ?? []) types.set(entry.resource!.resourceType, (types.get(entry.resource!.resourceType) ?? 0) + 1);
      const withoutNotes = (await fhirGet(api, `Patient/${patientId}/$everything`, staff)).body as Bundle;
      assert.ok(!withoutNotes.entry?.some((entry) => entry.resource?.resourceType === 'Composition'), patientId);
      assert.deepEqual(validateR4(withoutNotes), [], patientId);
    }
    assert.equal(patients.length, 200);
    assert.ok(types.get('Composition')! > 0 && types.get('MedicationRequest')! > 0 && types.get('Observation')! > 0);
    t.diagnostic(
      `seeded in ${(seededIn / 1000).toFixed(1)} s; ${patients.length} patients, ${resources} resources (${[...types].map(([type, count]) => `${type} ${count}`).join(', ')}) ` +
        `read twice and validated in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
  });
});
