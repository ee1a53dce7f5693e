// Sign-ins in the audit trail: each login, failed or throttled login, refresh, refused reuse and
// logout leaves exactly one `session` event, with ids only (never the email or the password).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { bearer, type TestProvider } from './support/auth.js';
import { startClinicTeam, type ClinicTeam } from './support/clinic-team.js';

const USER_AGENT = 'audit-sign-in-suite/1.0';
const UNKNOWN_EMAIL = 'nobody-audit-sign-in@clinic.test';
const WRONG_PASSWORD = 'Wrong-Password-For-Audit-1!';

interface Shape {
  action: string;
  outcome: string;
  resourceType: string;
  resourceId: string | null;
  actorId: string | null;
  patientId: string | null;
}

describe('sign-in events in the audit trail', () => {
  let team: ClinicTeam;
  let provider: TestProvider;

  before(async () => {
    // Two failures lock an account; the address limit stays out of the way.
    team = await startClinicTeam({ LOGIN_MAX_FAILURES: '2', LOGIN_MAX_FAILURES_PER_ADDRESS: '1000', LOGIN_LOCKOUT_SECONDS: '600' });
    provider = await team.accounts.createProvider({ role: 'clinician' });
  });
  after(() => team.close());

  const http = () => team.api.http();
  const login = (email: string, password: string) => http().post('/api/v1/auth/login').set('User-Agent', USER_AGENT).send({ email, password });

  /** The session events written while `act` ran, oldest first. */
  async function eventsDuring(act: () => Promise<unknown>): Promise<Shape[]> {
    const earlier = (await team.accounts.prisma.auditEvent.findMany({ select: { id: true } })).map((event) => event.id);
    await act();
    const rows = await team.accounts.prisma.auditEvent.findMany({
      where: { resourceType: 'session', id: { notIn: earlier } },
      orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
    });
    return rows.map(({ action, outcome, resourceType, resourceId, actorId, patientId }) => ({ action, outcome, resourceType, resourceId, actorId, patientId }));
  }

  const familyOf = async (refreshToken: string) => {
    const { createHash } = await import('node:crypto');
    const row = await team.accounts.prisma.refreshToken.findUniqueOrThrow({ where: { tokenHash: createHash('sha256').update(refreshToken).digest('hex') } });
    return row.familyId;
  };

  it('records a login in the name of the provider, with the sign-in as the resource', async () => {
    let refreshToken = '';
    const events = await eventsDuring(async () => {
      refreshToken = (await login(provider.email, provider.password).expect(200)).body.refreshToken;
    });
    assert.deepEqual(events, [{ action: 'login', outcome: 'success', resourceType: 'session', resourceId: await familyOf(refreshToken), actorId: provider.id, patientId: null }]);
  });

  it('records an unknown email as login_failed with no actor, and a wrong password in the name of the account', async () => {
    const other = await team.accounts.createProvider({ role: 'staff' });
    const events = await eventsDuring(async () => {
      await login(UNKNOWN_EMAIL, WRONG_PASSWORD).expect(401);
      await login(other.email, WRONG_PASSWORD).expect(401);
    });
    assert.deepEqual(events, [
      { action: 'login_failed', outcome: 'failed', resourceType: 'session', resourceId: null, actorId: null, patientId: null },
      { action: 'login_failed', outcome: 'failed', resourceType: 'session', resourceId: null, actorId: other.id, patientId: null },
    ]);
  });

  it('records a throttled attempt as login_failed, denied', async () => {
    const locked = await team.accounts.createProvider({ role: 'staff' });
    const events = await eventsDuring(async () => {
      await login(locked.email, WRONG_PASSWORD).expect(401);
      await login(locked.email, WRONG_PASSWORD).expect(401);
      await login(locked.email, locked.password).expect(429);
    });
    assert.deepEqual(events, [
      { action: 'login_failed', outcome: 'failed', resourceType: 'session', resourceId: null, actorId: locked.id, patientId: null },
      { action: 'login_failed', outcome: 'failed', resourceType: 'session', resourceId: null, actorId: locked.id, patientId: null },
      { action: 'login_failed', outcome: 'denied', resourceType: 'session', resourceId: null, actorId: null, patientId: null },
    ]);
  });

  it('records a refresh, and a reused refresh token as a denied refresh that ends the sign-in', async () => {
    const first = (await login(provider.email, provider.password).expect(200)).body.refreshToken as string;
    const familyId = await familyOf(first);
    const events = await eventsDuring(async () => {
      await http().post('/api/v1/auth/refresh').send({ refreshToken: first }).expect(200);
      await http().post('/api/v1/auth/refresh').send({ refreshToken: first }).expect(401);
    });
    assert.deepEqual(events, [
      { action: 'refresh', outcome: 'success', resourceType: 'session', resourceId: familyId, actorId: provider.id, patientId: null },
      { action: 'refresh', outcome: 'denied', resourceType: 'session', resourceId: familyId, actorId: provider.id, patientId: null },
    ]);
    const live = await team.accounts.prisma.refreshToken.count({ where: { familyId, revokedAt: null } });
    assert.equal(live, 0);
  });

  it('records a logout, and a refused logout with another provider’s token', async () => {
    const session = (await login(provider.email, provider.password).expect(200)).body as { accessToken: string; refreshToken: string };
    const familyId = await familyOf(session.refreshToken);
    const events = await eventsDuring(async () => {
      await http().post('/api/v1/auth/logout').set(bearer(team.staff.accessToken)).send({ refreshToken: session.refreshToken }).expect(403);
      await http().post('/api/v1/auth/logout').set(bearer(session.accessToken)).send({ refreshToken: session.refreshToken }).expect(204);
    });
    assert.deepEqual(events, [
      { action: 'logout', outcome: 'denied', resourceType: 'session', resourceId: familyId, actorId: team.staff.id, patientId: null },
      { action: 'logout', outcome: 'success', resourceType: 'session', resourceId: familyId, actorId: provider.id, patientId: null },
    ]);
  });

  it('gives sign-in events their request context, and never the email or the password', async () => {
    const [event] = await team.accounts.prisma.auditEvent.findMany({ where: { action: 'login', actorId: provider.id }, take: 1 });
    assert.equal(event!.userAgent, USER_AGENT);
    assert.match(event!.clientAddress ?? '', /127\.0\.0\.1|::1/);
    assert.ok(event!.requestId);
    const text = JSON.stringify(await team.accounts.prisma.$queryRawUnsafe<unknown[]>('SELECT * FROM "audit_events"'));
    for (const secret of [provider.email, provider.password, UNKNOWN_EMAIL, WRONG_PASSWORD]) assert.ok(!text.includes(secret), `the trail holds ${secret}`);
  });

  it('commits a login with its event, or not at all', async () => {
    const before = await team.accounts.rowCounts();
    await team.accounts.prisma.$executeRawUnsafe(`CREATE FUNCTION "test_refuse_audit"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'trail unavailable'; END; $$`);
    await team.accounts.prisma.$executeRawUnsafe(`CREATE TRIGGER "test_refuse_audit" BEFORE INSERT ON "audit_events" FOR EACH ROW EXECUTE FUNCTION "test_refuse_audit"()`);
    try {
      await login(provider.email, provider.password).expect(500);
    } finally {
      await team.accounts.prisma.$executeRawUnsafe('DROP TRIGGER "test_refuse_audit" ON "audit_events"');
      await team.accounts.prisma.$executeRawUnsafe('DROP FUNCTION "test_refuse_audit"()');
    }
    assert.deepEqual(await team.accounts.rowCounts(), before);
  });
});
