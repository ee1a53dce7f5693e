// A clinic day's happy path through the typed client (@clinic/api-client) against the real API
// listening on 127.0.0.1: the front desk registers and books, the clinician sees the patient,
// the admin reads the trail. It proves the client, its generated types and the contract against
// the server; each feature's own suite tests its rules and refusals.
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { type ClinicClient, createClinicClient } from '@clinic/api-client';
import { AuthFixture, type TestProvider } from './support/auth.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** The answer's data, or a failure that shows the API's error body. */
function served<T>(result: { data?: T; error?: unknown; response: Response }, status: number): T {
  assert.equal(result.response.status, status, `${result.response.url}: ${JSON.stringify(result.error)}`);
  assert.ok(result.data !== undefined);
  return result.data;
}

describe('the typed client against the running API', () => {
  let api: TestApp;
  let accounts: AuthFixture;
  let baseUrl: string;
  const people: Record<'admin' | 'clinician' | 'staff', TestProvider> = {} as never;

  before(async () => {
    api = await startTestApp();
    await api.app.listen({ host: '127.0.0.1', port: 0 });
    baseUrl = `http://127.0.0.1:${(api.app.getHttpServer().address() as AddressInfo).port}`;
    accounts = new AuthFixture(api);
    // One after the other: the embedded PostgreSQL serves one session at a time.
    people.admin = await accounts.createProvider({ role: 'admin' });
    people.clinician = await accounts.createProvider({ role: 'clinician', firstName: 'Amara', lastName: 'Okafor' });
    people.staff = await accounts.createProvider({ role: 'staff' });
  });
  after(async () => {
    await accounts.close();
    await api.close();
  });

  async function signIn(who: TestProvider): Promise<ClinicClient> {
    const session = served(await createClinicClient(baseUrl).POST('/api/v1/auth/login', { body: { email: who.email, password: who.password } }), 200);
    assert.equal(session.provider.id, who.id);
    return createClinicClient(baseUrl, { accessToken: session.accessToken });
  }

  it('registers, books, sees and signs a visit, and the admin reads its trail', async () => {
    const frontDesk = await signIn(people.staff);
    const clinician = await signIn(people.clinician);
    const admin = await signIn(people.admin);

    const patient = served(
      await frontDesk.POST('/api/v1/patients', {
        body: {
          firstName: 'Hélène',
          lastName: 'Fictif',
          dateOfBirth: '1984-03-17',
          sex: 'female',
          phone: '(555) 010-0147',
          emergencyContactName: 'Marc Fictif',
          emergencyContactPhone: '555.010.0148',
        },
      }),
      201,
    );

    const found = served(await frontDesk.GET('/api/v1/patients', { params: { query: { q: 'Fictif' } } }), 200);
    assert.deepEqual(
      found.data.map((row) => row.id),
      [patient.id],
    );

    const allergy = served(
      await clinician.POST('/api/v1/patients/{id}/allergies', {
        params: { path: { id: patient.id } },
        body: { allergen: 'Latex', reaction: 'Contact rash', severity: 'moderate' },
      }),
      201,
    );

    const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000);
    tomorrow.setUTCHours(9, 30, 0, 0);
    const booked = served(
      await frontDesk.POST('/api/v1/appointments', {
        body: { patientId: patient.id, providerId: people.clinician.id, appointmentDate: tomorrow.toISOString(), appointmentType: 'follow_up', durationMinutes: 30, reasonForVisit: 'Sore throat' },
      }),
      201,
    );
    const visit = { params: { path: { id: booked.id } } };
    assert.equal(served(await frontDesk.POST('/api/v1/appointments/{id}/check-in', visit), 200).status, 'checked_in');
    assert.equal(served(await clinician.POST('/api/v1/appointments/{id}/start', visit), 200).status, 'in_progress');

    served(
      await frontDesk.PUT('/api/v1/appointments/{id}/vitals', {
        ...visit,
        body: { bloodPressureSystolic: 128, bloodPressureDiastolic: 82, heartRate: 72, temperature: 38.1, oxygenSaturation: 98 },
      }),
      201,
    );

    const onThisVisit = { params: { path: { appointmentId: booked.id } } };
    const draft = served(
      await clinician.PUT('/api/v1/appointments/{appointmentId}/record', {
        ...onThisVisit,
        body: { chiefComplaint: 'Sore throat for three days', diagnosis: 'Streptococcal pharyngitis', treatmentPlan: 'Antibiotics for 10 days.' },
      }),
      200,
    );
    assert.equal(draft.isDraft, true);

    const onThisRecord = { params: { path: { recordId: draft.id } } };
    served(await clinician.POST('/api/v1/records/{recordId}/symptoms', { ...onThisRecord, body: { symptomName: 'Sore throat', severity: 6, duration: '3 days' } }), 201);
    const prescription = served(
      await clinician.POST('/api/v1/records/{recordId}/prescriptions', {
        ...onThisRecord,
        body: { medicationName: 'Amoxicillin', strength: '500 mg', dosage: '1 capsule', frequency: 'every 8 hours', instructions: 'Take with food.', duration: '10 days', quantity: 30 },
      }),
      201,
    );

    const signed = served(await clinician.POST('/api/v1/appointments/{appointmentId}/record/sign', onThisVisit), 200);
    assert.equal(signed.isDraft, false);
    assert.equal(signed.signedById, people.clinician.id);

    const chart = served(await clinician.GET('/api/v1/patients/{patientId}/chart', { params: { path: { patientId: patient.id } } }), 200);
    assert.equal(chart.patient.id, patient.id);
    assert.deepEqual(
      chart.allergies.map((entry) => entry.id),
      [allergy.id],
    );
    assert.equal(chart.latestVitals?.temperature, 38.1);
    assert.deepEqual(
      chart.recentPrescriptions.map((entry) => entry.id),
      [prescription.id],
    );
    const charted = chart.recentAppointments.find((entry) => entry.id === booked.id);
    assert.equal(charted?.record?.id, draft.id);
    assert.equal(charted?.record?.isDraft, false);

    const trail = served(await admin.GET('/api/v1/patients/{id}/audit-events', { params: { path: { id: patient.id }, query: { limit: 200 } } }), 200);
    const actions = new Set(trail.data.map((event) => `${event.action} ${event.resourceType}`));
    const visitSteps = ['create appointment', 'update appointment', 'create vital_signs', 'create medical_record', 'create symptom', 'create prescription', 'sign medical_record'];
    for (const expected of ['create patient', 'search patient', 'create allergy', ...visitSteps, 'read chart']) {
      assert.ok(actions.has(expected), `the trail has "${expected}": ${[...actions].join(', ')}`);
    }
    assert.ok(trail.data.every((event) => event.outcome === 'success'));
  });
});
