// The audit trail through the real app and database: what the patients feature records for each
// request, that a failed change records nothing, that the database keeps the trail append-only,
// and the admin routes that read it (themselves recorded).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { PatientsRepository } from '../src/patients/patients.repository.js';
import { type AuthFixture, bearer, type SignedInProvider } from './support/auth.js';
import { startClinicTeam, type ClinicTeam } from './support/clinic-team.js';
import type { TestApp } from './support/test-app.js';

const USER_AGENT = 'audit-suite/1.0';

const PATIENT = {
  firstName: 'Quillon',
  lastName: 'Vasterbrook',
  dateOfBirth: '1971-04-09',
  sex: 'male',
  phone: '(555) 010-7788',
  email: 'q.vasterbrook@example.org',
  address: '9 Ledger Lane, Exampletown',
  emergencyContactName: 'Mira Vasterbrook',
  emergencyContactPhone: '555.010.7789',
};

/** Text that must never reach the trail: every identifying value the sequence sends. */
const IDENTIFYING = [PATIENT.firstName, PATIENT.lastName, '7788', '7789', PATIENT.email, 'Ledger', 'Mira', '7799', 'Vaster'];

describe('audit trail', () => {
  let api: TestApp;
  let accounts: AuthFixture;
  let admin: SignedInProvider;
  let clinician: SignedInProvider;
  let staff: SignedInProvider;
  let team: ClinicTeam;
  /** A front-desk account used only by the scripted sequence, so its events are exactly ours. */
  let frontDesk: SignedInProvider;
  let patientId: string;
  const missingId = randomUUID();
  const requestIds: string[] = [];

  before(async () => {
    team = await startClinicTeam();
    ({ api, accounts, admin, clinician, staff } = team);
    frontDesk = await accounts.signedIn({ role: 'staff' });
  });
  after(() => team.close());

  // The chart's events: sign-ins (resourceType `session`, test/audit-sign-in.test.ts) left out.
  const eventsOf = (actorId: string) => accounts.prisma.auditEvent.findMany({ where: { actorId, resourceType: { not: 'session' } }, orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }] });
  const eventCount = () => accounts.prisma.auditEvent.count();
  const asAdmin = () => bearer(admin.accessToken);

  /** A request of the sequence, with its own request id and user agent. */
  function asFrontDesk(method: 'get' | 'post' | 'patch' | 'delete', path: string) {
    const requestId = `audit-seq-${String(requestIds.length).padStart(4, '0')}`;
    requestIds.push(requestId);
    return api.http()[method](path).set(bearer(frontDesk.accessToken)).set('User-Agent', USER_AGENT).set('x-request-id', requestId);
  }

  describe('the patients feature', () => {
    before(async () => {
      const created = await asFrontDesk('post', '/api/v1/patients').send(PATIENT).expect(201);
      patientId = created.body.id;
      const read = await asFrontDesk('get', `/api/v1/patients/${patientId}`).expect(200);
      const search = await asFrontDesk('get', '/api/v1/patients').query({ q: 'Vasterbrook' }).expect(200);
      assert.deepEqual(
        search.body.data.map((patient: { id: string }) => patient.id),
        [patientId],
      );
      const updated = await asFrontDesk('patch', `/api/v1/patients/${patientId}`).set('If-Match', read.headers.etag).send({ phone: '555-010-7799' }).expect(200);
      assert.notEqual(updated.headers.etag, read.headers.etag);
      await asFrontDesk('patch', `/api/v1/patients/${patientId}`).set('If-Match', read.headers.etag).send({ address: null }).expect(412);
      await asFrontDesk('patch', `/api/v1/patients/${patientId}`).send({ address: null }).expect(200);
      await asFrontDesk('delete', `/api/v1/patients/${patientId}`).expect(204);
      await asFrontDesk('get', `/api/v1/patients/${missingId}`).expect(404);
    });

    it('records exactly one event per request that reached the chart, and none for the stale write', async () => {
      const events = await eventsOf(frontDesk.id);
      assert.deepEqual(
        events.map(({ action, outcome, resourceType, resourceId, patientId: patient, patientIds }) => ({ action, outcome, resourceType, resourceId, patientId: patient, patientIds })),
        [
          { action: 'create', outcome: 'success', resourceType: 'patient', resourceId: patientId, patientId, patientIds: [] },
          { action: 'read', outcome: 'success', resourceType: 'patient', resourceId: patientId, patientId, patientIds: [] },
          { action: 'search', outcome: 'success', resourceType: 'patient', resourceId: null, patientId: null, patientIds: [patientId] },
          { action: 'update', outcome: 'success', resourceType: 'patient', resourceId: patientId, patientId, patientIds: [] },
          { action: 'update', outcome: 'success', resourceType: 'patient', resourceId: patientId, patientId, patientIds: [] },
          { action: 'archive', outcome: 'success', resourceType: 'patient', resourceId: patientId, patientId, patientIds: [] },
          { action: 'read', outcome: 'failed', resourceType: 'patient', resourceId: missingId, patientId: missingId, patientIds: [] },
        ],
      );
    });

    it('gives each event its request id, user agent and client address', async () => {
      const events = await eventsOf(frontDesk.id);
      // Request 4 is the stale write, which recorded nothing.
      assert.deepEqual(
        events.map((event) => event.requestId),
        requestIds.filter((_, index) => index !== 4),
      );
      for (const event of events) {
        assert.equal(event.userAgent, USER_AGENT);
        assert.match(event.clientAddress ?? '', /127\.0\.0\.1|::1/);
        assert.ok(event.occurredAt instanceof Date);
      }
    });

    it('holds no names, phones, emails, addresses or search terms', async () => {
      const rows = await accounts.prisma.$queryRawUnsafe<unknown[]>('SELECT * FROM "audit_events"');
      // Ids are random hex: a phone's last four digits turn up in one now and then (a flaky failure).
      const text = JSON.stringify(rows).replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>');
      for (const value of IDENTIFYING) assert.ok(!text.includes(value), `the trail holds ${value}`);
    });

    it('records a search that finds nobody, with no patient ids', async () => {
      const before = await eventCount();
      await api.http().get('/api/v1/patients').query({ q: 'Nobodyhere' }).set(bearer(staff.accessToken)).expect(200);
      const [event] = await accounts.prisma.auditEvent.findMany({ where: { actorId: staff.id, action: 'search' }, orderBy: { occurredAt: 'desc' }, take: 1 });
      assert.equal(await eventCount(), before + 1);
      assert.deepEqual(event!.patientIds, []);
    });

    it('records nothing when a change loses a race (the repository finds a newer version)', async () => {
      const created = await api.http().post('/api/v1/patients').set(bearer(staff.accessToken)).send(PATIENT).expect(201);
      const repository = api.app.get(PatientsRepository);
      const readEarlier = (await repository.findPatient(created.body.id))!;
      await api.http().patch(`/api/v1/patients/${created.body.id}`).set(bearer(staff.accessToken)).send({ phone: '555-010-0111' }).expect(200);
      const before = await eventCount();
      assert.equal(await repository.updatePatient(readEarlier, { phone: '555-010-0222' }), null);
      assert.equal(await eventCount(), before);
    });

    it('rolls the change back when its event cannot be written', async () => {
      const created = await api.http().post('/api/v1/patients').set(bearer(staff.accessToken)).send(PATIENT).expect(201);
      const before = await eventCount();
      // Only this suite's own database: every insert into the trail fails while the trigger exists.
      await accounts.prisma.$executeRawUnsafe(`CREATE FUNCTION "test_refuse_audit"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'trail unavailable'; END; $$`);
      await accounts.prisma.$executeRawUnsafe(`CREATE TRIGGER "test_refuse_audit" BEFORE INSERT ON "audit_events" FOR EACH ROW EXECUTE FUNCTION "test_refuse_audit"()`);
      try {
        await api.http().patch(`/api/v1/patients/${created.body.id}`).set(bearer(staff.accessToken)).send({ phone: '555-010-0333' }).expect(500);
        await api.http().delete(`/api/v1/patients/${created.body.id}`).set(bearer(staff.accessToken)).expect(500);
        await api.http().get(`/api/v1/patients/${created.body.id}`).set(bearer(staff.accessToken)).expect(500);
      } finally {
        await accounts.prisma.$executeRawUnsafe('DROP TRIGGER "test_refuse_audit" ON "audit_events"');
        await accounts.prisma.$executeRawUnsafe('DROP FUNCTION "test_refuse_audit"()');
      }
      const stored = await accounts.prisma.patient.findUniqueOrThrow({ where: { id: created.body.id } });
      assert.equal(stored.phone, PATIENT.phone);
      assert.equal(stored.archivedAt, null);
      assert.equal(await eventCount(), before);
    });
  });

  describe('the table', () => {
    for (const [statement, sql] of [
      ['UPDATE', `UPDATE "audit_events" SET "outcome" = 'denied'`],
      ['DELETE', 'DELETE FROM "audit_events"'],
      ['TRUNCATE', 'TRUNCATE "audit_events"'],
    ] as const) {
      it(`refuses ${statement}`, async () => {
        await api.http().get('/api/v1/patients').set(bearer(staff.accessToken)).expect(200);
        const before = await eventCount();
        assert.ok(before > 0);
        await assert.rejects(accounts.prisma.$executeRawUnsafe(sql), /append-only/);
        assert.equal(await eventCount(), before);
      });
    }
  });

  describe('GET /api/v1/audit-events and /api/v1/patients/:id/audit-events', () => {
    it("answers a patient's trail to an admin, newest first, searches that showed them included", async () => {
      const response = await api.http().get(`/api/v1/patients/${patientId}/audit-events`).set(asAdmin()).expect(200);
      const actions = response.body.data.filter((event: { actorId: string }) => event.actorId === frontDesk.id).map((event: { action: string }) => event.action);
      assert.deepEqual(actions, ['archive', 'update', 'update', 'search', 'read', 'create']);
      assert.equal(response.body.nextCursor, null);
      const first = response.body.data.find((event: { action: string }) => event.action === 'create');
      assert.deepEqual(Object.keys(first).sort(), ['action', 'actorId', 'clientAddress', 'id', 'occurredAt', 'outcome', 'patientId', 'patientIds', 'requestId', 'resourceId', 'resourceType', 'userAgent']);
      assert.equal(first.requestId, requestIds[0]);
    });

    it('records every reading of the trail', async () => {
      const before = await accounts.prisma.auditEvent.count({ where: { actorId: admin.id, resourceType: 'audit_events' } });
      await api.http().get(`/api/v1/patients/${patientId}/audit-events`).set(asAdmin()).expect(200);
      await api.http().get('/api/v1/audit-events').set(asAdmin()).expect(200);
      const reads = await accounts.prisma.auditEvent.findMany({ where: { actorId: admin.id, resourceType: 'audit_events' }, orderBy: { occurredAt: 'asc' } });
      assert.equal(reads.length, before + 2);
      assert.deepEqual(
        reads.slice(-2).map(({ action, outcome, patientId: patient }) => ({ action, outcome, patientId: patient })),
        [
          { action: 'read', outcome: 'success', patientId },
          { action: 'read', outcome: 'success', patientId: null },
        ],
      );
    });

    it('filters by actor, action and time, and pages by cursor without gaps or repeats', async () => {
      // Every event of the actor, their sign-in included, as the route answers them.
      const all = await accounts.prisma.auditEvent.findMany({ where: { actorId: frontDesk.id }, orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }] });
      const first = await api.http().get('/api/v1/audit-events').query({ actorId: frontDesk.id, limit: 4 }).set(asAdmin()).expect(200);
      assert.equal(first.body.data.length, 4);
      assert.ok(first.body.nextCursor);
      const second = await api.http().get('/api/v1/audit-events').query({ actorId: frontDesk.id, limit: 4, cursor: first.body.nextCursor }).set(asAdmin()).expect(200);
      assert.equal(second.body.nextCursor, null);
      assert.deepEqual(
        [...first.body.data, ...second.body.data].map((event: { id: string }) => event.id),
        all.map((event) => event.id).reverse(),
      );

      const updates = await api.http().get('/api/v1/audit-events').query({ actorId: frontDesk.id, action: 'update' }).set(asAdmin()).expect(200);
      assert.equal(updates.body.data.length, 2);

      const failures = await api.http().get('/api/v1/audit-events').query({ patientId: missingId }).set(asAdmin()).expect(200);
      assert.deepEqual(
        failures.body.data.map((event: { outcome: string }) => event.outcome),
        ['failed'],
      );

      const later = new Date(Date.now() + 60_000).toISOString();
      const none = await api.http().get('/api/v1/audit-events').query({ actorId: frontDesk.id, from: later }).set(asAdmin()).expect(200);
      assert.deepEqual(none.body.data, []);
      const upTo = await api.http().get('/api/v1/audit-events').query({ actorId: frontDesk.id, to: all[1]!.occurredAt.toISOString() }).set(asAdmin()).expect(200);
      assert.deepEqual(
        upTo.body.data.map((event: { id: string }) => event.id),
        [all[0]!.id],
      );
    });

    it('answers 403 to clinicians and staff, and 401 without a token', async () => {
      for (const path of ['/api/v1/audit-events', `/api/v1/patients/${patientId}/audit-events`]) {
        await api.http().get(path).set(bearer(clinician.accessToken)).expect(403);
        await api.http().get(path).set(bearer(staff.accessToken)).expect(403);
        await api.http().get(path).expect(401);
      }
    });

    it('answers 400 to a malformed id, filter or cursor', async () => {
      await api.http().get('/api/v1/patients/not-a-uuid/audit-events').set(asAdmin()).expect(400);
      for (const query of [
        { actorId: 'not-a-uuid' },
        { patientId: '12345' },
        { action: 'delete' },
        { from: 'yesterday' },
        { from: '2026-12-01T00:00:00' },
        { to: '2026-13-40T00:00:00Z' },
        { limit: '0' },
        { cursor: 'not a cursor!' },
        { cursor: Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url') },
        { unknown: 'x' },
      ]) {
        const response = await api.http().get('/api/v1/audit-events').query(query).set(asAdmin());
        assert.equal(response.status, 400, JSON.stringify(query));
      }
      await api.http().get(`/api/v1/patients/${patientId}/audit-events`).query({ patientId }).set(asAdmin()).expect(400);
    });
  });
});
