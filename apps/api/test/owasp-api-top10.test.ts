// The OWASP API Security Top 10 (2023), as this API answers it, through the real app and database:
// API1 object-level authorization (nested ids through another parent's path), API3 property-level
// authorization (mass assignment, secrets in responses), API4 resource consumption (body size,
// page size), API5 function-level authorization (role refusals, recorded in the audit trail),
// API8 misconfiguration (headers, CORS), API2 authentication (forged tokens), and the trail's
// integrity (append-only table).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Response, Test } from 'supertest';
import { describeAttempt } from '../src/audit/refused-requests.js';
import { assertNoSecrets, bearer, forgeAccessToken, jwtSecretOf } from './support/auth.js';
import { startClinicTeam, type ClinicTeam } from './support/clinic-team.js';
import { VisitFixture } from './support/visits.js';

const ALLOWED_ORIGIN = 'https://front-desk.example.org';

describe('OWASP API Top 10', () => {
  let team: ClinicTeam;
  let visits: VisitFixture;
  const responses: Response[] = [];

  before(async () => {
    team = await startClinicTeam({ CORS_ORIGINS: ALLOWED_ORIGIN });
    visits = new VisitFixture(team.accounts.prisma);
  });
  after(async () => {
    await team.close();
  });

  const http = () => team.api.http();
  const asAdmin = () => bearer(team.admin.accessToken);
  const asClinician = () => bearer(team.clinician.accessToken);
  const asStaff = () => bearer(team.staff.accessToken);

  /** Every response the suite sees is kept, to be searched for secrets at the end. */
  async function expectStatus(request: Test, status: number, { keep = true } = {}): Promise<Response> {
    const response = await request;
    if (keep) responses.push(response);
    assert.equal(response.status, status, `${response.status}: ${response.text}`);
    return response;
  }

  describe('API1 broken object-level authorization: a nested id through another parent answers 404', () => {
    it('allergies and conditions through another patient', async () => {
      const owner = await visits.patient();
      const other = await visits.patient();
      const allergy = (await expectStatus(http().post(`/api/v1/patients/${owner}/allergies`).set(asClinician()).send({ allergen: 'Penicillin' }), 201)).body;
      const condition = (await expectStatus(http().post(`/api/v1/patients/${owner}/conditions`).set(asClinician()).send({ conditionName: 'Asthma' }), 201)).body;
      for (const [collection, id] of [
        ['allergies', allergy.id],
        ['conditions', condition.id],
      ] as const) {
        const path = `/api/v1/patients/${other}/${collection}/${id}`;
        await expectStatus(http().get(path).set(asClinician()), 404);
        await expectStatus(http().patch(path).set(asClinician()).send(collection === 'allergies' ? { severity: 'severe' } : { status: 'resolved' }), 404);
        await expectStatus(http().delete(path).set(asClinician()), 404);
      }
      const storedAllergy = await team.accounts.prisma.allergy.findUniqueOrThrow({ where: { id: allergy.id } });
      assert.equal(storedAllergy.patientId, owner);
      assert.equal(storedAllergy.severity, allergy.severity);
      const storedCondition = await team.accounts.prisma.chronicCondition.findUniqueOrThrow({ where: { id: condition.id } });
      assert.equal(storedCondition.status, condition.status);
      // The owner's own path still answers: the 404 above was about the path, not the id.
      await expectStatus(http().get(`/api/v1/patients/${owner}/allergies/${allergy.id}`).set(asClinician()), 200);
      await expectStatus(http().get(`/api/v1/patients/${owner}/conditions/${condition.id}`).set(asClinician()), 200);
    });

    it('symptoms and prescriptions through another record', async () => {
      const patient = await visits.patient();
      const record = await visits.draft(await visits.visit(patient, team.clinician.id));
      const otherRecord = await visits.draft(await visits.visit(await visits.patient(), team.clinician.id));
      const symptom = (await expectStatus(http().post(`/api/v1/records/${record}/symptoms`).set(asClinician()).send({ symptomName: 'Fever', severity: 5 }), 201)).body;
      const prescription = (
        await expectStatus(
          http().post(`/api/v1/records/${record}/prescriptions`).set(asClinician()).send({ medicationName: 'Cetirizine', strength: '10 mg', dosage: '1 tablet', frequency: 'once daily', instructions: 'At night.' }),
          201,
        )
      ).body;
      await expectStatus(http().patch(`/api/v1/records/${otherRecord}/symptoms/${symptom.id}`).set(asClinician()).send({ severity: 9 }), 404);
      await expectStatus(http().delete(`/api/v1/records/${otherRecord}/symptoms/${symptom.id}`).set(asClinician()), 404);
      await expectStatus(http().patch(`/api/v1/records/${otherRecord}/prescriptions/${prescription.id}`).set(asClinician()).send({ dosage: '2 tablets' }), 404);
      await expectStatus(http().delete(`/api/v1/records/${otherRecord}/prescriptions/${prescription.id}`).set(asClinician()), 404);
      const storedSymptom = await team.accounts.prisma.symptom.findUniqueOrThrow({ where: { id: symptom.id } });
      assert.equal(storedSymptom.severity, 5);
      assert.equal(storedSymptom.medicalRecordId, record);
      const storedPrescription = await team.accounts.prisma.prescription.findUniqueOrThrow({ where: { id: prescription.id } });
      assert.equal(storedPrescription.dosage, '1 tablet');
    });
  });

  describe('API3 broken object property-level authorization', () => {
    it('refuses role and isActive from a non-admin on their own profile (403), changing nothing', async () => {
      const self = await team.accounts.signedIn({ role: 'staff' });
      for (const body of [{ role: 'admin' }, { isActive: false }]) {
        await expectStatus(http().patch(`/api/v1/providers/${self.id}`).set(bearer(self.accessToken)).send(body), 403);
      }
      const stored = await team.accounts.prisma.provider.findUniqueOrThrow({ where: { id: self.id } });
      assert.equal(stored.role, 'staff');
      assert.equal(stored.isActive, true);
    });

    // These 400s name the refused field (passwordHash), so they are searched for hashes, not names.
  it('refuses passwordHash in POST and PATCH /providers with 400, writing nothing', async () => {
    const refused = (request: Test) => expectStatus(request, 400, { keep: false }).then((response) => assert.doesNotMatch(response.text, /\$argon2/));
      const before = await team.accounts.rowCounts();
      const email = 'mass-assignment@clinic.test';
      await refused(http().post('/api/v1/providers').set(asAdmin()).send({ email, password: 'Exam-Room-4-Otoscope!', firstName: 'Mass', lastName: 'Assignment', passwordHash: 'not-a-hash' }));
      assert.deepEqual(await team.accounts.rowCounts(), before);
      const target = await team.accounts.signedIn({ role: 'clinician' });
      const storedBefore = await team.accounts.prisma.provider.findUniqueOrThrow({ where: { id: target.id } });
      await refused(http().patch(`/api/v1/providers/${target.id}`).set(asAdmin()).send({ passwordHash: 'x' }));
      await refused(http().patch(`/api/v1/providers/${target.id}`).set(bearer(target.accessToken)).send({ passwordHash: 'x' }));
      const storedAfter = await team.accounts.prisma.provider.findUniqueOrThrow({ where: { id: target.id } });
      assert.deepEqual(storedAfter, storedBefore);
    });

    it('refuses isDraft, signedAt and isAIGenerated in PUT record with 400, writing nothing', async () => {
      const appointmentId = await visits.visit(await visits.patient(), team.clinician.id);
      for (const extra of [{ isDraft: false }, { signedAt: new Date().toISOString() }, { isAIGenerated: true }]) {
        await expectStatus(http().put(`/api/v1/appointments/${appointmentId}/record`).set(asClinician()).send({ chiefComplaint: 'Cough', ...extra }), 400);
      }
      assert.equal(await team.accounts.prisma.medicalRecord.count({ where: { appointmentId } }), 0);
    });

    it('refuses bmi in PUT vitals with 400, writing nothing', async () => {
      const appointmentId = await visits.visit(await visits.patient(), team.clinician.id);
      await expectStatus(http().put(`/api/v1/appointments/${appointmentId}/vitals`).set(asStaff()).send({ heartRate: 70, bmi: 22.5 }), 400);
      assert.equal(await team.accounts.prisma.vitalSigns.count({ where: { appointmentId } }), 0);
    });
  });

  describe('API4 unrestricted resource consumption', () => {
    it('refuses an oversized body with 413', async () => {
      const before = await team.accounts.prisma.patient.count();
      await expectStatus(http().post('/api/v1/patients').set(asStaff()).send({ firstName: 'Big', lastName: 'Body', address: 'x'.repeat(2 * 1024 * 1024) }), 413);
      assert.equal(await team.accounts.prisma.patient.count(), before);
    });

    it('refuses a page larger than 200 with 400', async () => {
      await expectStatus(http().get('/api/v1/patients?limit=201').set(asStaff()), 400);
      await expectStatus(http().get('/api/v1/providers?limit=201').set(asAdmin()), 400);
    });
  });

  describe('API5 broken function-level authorization', () => {
    it('answers 403 to a role the route does not allow, and records the refusal as denied', async () => {
      const patientId = await visits.patient();
      const before = await team.accounts.prisma.auditEvent.findMany({ select: { id: true } });
      await expectStatus(http().post(`/api/v1/patients/${patientId}/allergies`).set(asStaff()).send({ allergen: 'Latex' }), 403);
      await expectStatus(http().get(`/api/v1/patients/${patientId}/audit-events`).set(asClinician()), 403);
      const recordAppointment = await visits.visit(patientId, team.clinician.id);
      await expectStatus(http().get(`/api/v1/appointments/${recordAppointment}/record`).set(asStaff()), 403);
      // Provider accounts are no patient's data: refused, not recorded.
      await expectStatus(http().get('/api/v1/providers').set(asStaff()), 403);
      const events = await team.accounts.prisma.auditEvent.findMany({ where: { id: { notIn: before.map((event) => event.id) } }, orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }] });
      assert.deepEqual(
        events.map(({ actorId, action, outcome, resourceType, resourceId, patientId: patient }) => ({ actorId, action, outcome, resourceType, resourceId, patientId: patient })),
        [
          { actorId: team.staff.id, action: 'create', outcome: 'denied', resourceType: 'allergy', resourceId: null, patientId },
          { actorId: team.clinician.id, action: 'read', outcome: 'denied', resourceType: 'audit_events', resourceId: null, patientId },
          // The record's patient is looked up through the appointment: the refusal shows in that patient's audit view.
          { actorId: team.staff.id, action: 'read', outcome: 'denied', resourceType: 'medical_record', resourceId: null, patientId },
        ],
      );
      for (const event of events) assert.ok(event.requestId && event.clientAddress);
    });
  });

  describe('API5: what a refusal records, by route', () => {
    const id = '0b7f3f3e-6a39-4c56-9d0e-9c2f0f6f6a11';
    const other = '5d0c8c71-9a4e-4a8c-bb35-2a8f6e0d5a22';
    it('maps the method to the attempted action, and the path to the resource and patient', () => {
      assert.deepEqual(describeAttempt('GET', '/api/v1/patients/:id/allergies/:allergyId', { id, allergyId: other }), {
        action: 'read',
        resourceType: 'allergy',
        resourceId: other,
        patientFrom: { via: 'patient', id },
      });
      assert.equal(describeAttempt('PATCH', '/api/v1/patients/:id/conditions/:conditionId', { id, conditionId: other })?.action, 'update');
      assert.equal(describeAttempt('DELETE', '/api/v1/patients/:id/allergies/:allergyId', { id, allergyId: other })?.action, 'archive');
      assert.deepEqual(describeAttempt('POST', '/api/v1/records/:recordId/symptoms', { recordId: id }), {
        action: 'create',
        resourceType: 'symptom',
        resourceId: null,
        patientFrom: { via: 'medical_record', id },
      });
      assert.equal(describeAttempt('POST', '/api/v1/appointments/:appointmentId/record/sign', { appointmentId: id })?.action, 'sign');
      assert.equal(describeAttempt('POST', '/api/v1/appointments/:appointmentId/record/amendments', { appointmentId: id })?.action, 'amend');
      assert.deepEqual(describeAttempt('POST', '/api/v1/appointments/:id/start', { id }), {
        action: 'update',
        resourceType: 'appointment',
        resourceId: id,
        patientFrom: { via: 'appointment', id },
      });
      assert.equal(describeAttempt('PUT', '/api/v1/appointments/:id/vitals', { id })?.resourceType, 'vital_signs');
      assert.deepEqual(describeAttempt('GET', '/api/v1/patients/:patientId/chart', { patientId: id })?.patientFrom, { via: 'patient', id });
      assert.deepEqual(describeAttempt('GET', '/api/v1/patients/:id', { id: 'not-a-uuid' }), { action: 'read', resourceType: 'patient', resourceId: null, patientFrom: null });
      assert.equal(describeAttempt('GET', '/api/v1/providers', {}), null);
      assert.equal(describeAttempt('GET', '/api/v1/audit-events', {})?.resourceType, 'audit_events');
    });
  });

  describe('API8 security misconfiguration', () => {
    it('sends security headers', async () => {
      const response = await expectStatus(http().get('/api/v1/auth/me').set(asStaff()), 200);
      assert.equal(response.headers['x-content-type-options'], 'nosniff');
      assert.ok(response.headers['strict-transport-security']);
      assert.ok(response.headers['content-security-policy']);
      assert.equal(response.headers['x-powered-by'], undefined);
    });

    it('refuses CORS to an origin not listed', async () => {
      const allowed = await http().options('/api/v1/patients').set('Origin', ALLOWED_ORIGIN).set('Access-Control-Request-Method', 'GET');
      assert.equal(allowed.headers['access-control-allow-origin'], ALLOWED_ORIGIN);
      const refused = await http().options('/api/v1/patients').set('Origin', 'https://evil.example.com').set('Access-Control-Request-Method', 'GET');
      assert.equal(refused.headers['access-control-allow-origin'], undefined);
      const simple = await http().get('/api/v1/auth/me').set(asStaff()).set('Origin', 'https://evil.example.com');
      assert.equal(simple.headers['access-control-allow-origin'], undefined);
    });
  });

  describe('API2 broken authentication: forged access tokens answer 401', () => {
    const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

    it('refuses alg none, a foreign key, a tampered payload and an expired token', async () => {
      const now = Math.floor(Date.now() / 1000);
      const [header, payload, signature] = team.staff.accessToken.split('.') as [string, string, string];
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
      const tokens = {
        'alg none': `${encode({ alg: 'none', typ: 'at+jwt' })}.${encode({ ...claims, role: 'admin' })}.`,
        'foreign key': await forgeAccessToken({ sub: team.admin.id, role: 'admin', secret: 'a-secret-this-api-never-had-0123456789' }),
        'tampered payload': `${header}.${encode({ ...claims, role: 'admin' })}.${signature}`,
        expired: await forgeAccessToken({ sub: team.admin.id, role: 'admin', secret: jwtSecretOf(team.api), issuedAt: now - 3600, expiresAt: now - 60 }),
      };
      for (const [name, token] of Object.entries(tokens)) {
        const response = await http().get('/api/v1/providers').set(bearer(token));
        responses.push(response);
        assert.equal(response.status, 401, name);
      }
      // The genuine token still works: the refusals were about the forgeries.
      await expectStatus(http().get('/api/v1/auth/me').set(asStaff()), 200);
    });
  });

  describe('the audit trail cannot be rewritten', () => {
    for (const sql of [`UPDATE "audit_events" SET "outcome" = 'success'`, 'DELETE FROM "audit_events"']) {
      it(`refuses ${sql.split(' ')[0]}`, async () => {
        const before = await team.accounts.prisma.auditEvent.count();
        assert.ok(before > 0);
        await assert.rejects(team.accounts.prisma.$executeRawUnsafe(sql));
        assert.equal(await team.accounts.prisma.auditEvent.count(), before);
      });
    }
  });

  describe('API3 excessive data exposure', () => {
    it('no response of this suite carries a password hash, a token hash or an argon2 string', async () => {
      const session = await expectStatus(http().post('/api/v1/auth/login').send({ email: (await team.accounts.createProvider()).email, password: 'Exam-Room-4-Otoscope!' }), 200);
      await expectStatus(http().get('/api/v1/providers').set(asAdmin()), 200);
      await expectStatus(http().get(`/api/v1/providers/${session.body.provider.id}`).set(asAdmin()), 200);
      await expectStatus(http().get('/api/v1/audit-events').set(asAdmin()), 200);
      const tokenHashes = (await team.accounts.prisma.refreshToken.findMany({ select: { tokenHash: true } })).map((row) => row.tokenHash);
      assert.ok(responses.length > 20);
      for (const response of responses) assertNoSecrets(response, tokenHashes);
    });
  });
});
