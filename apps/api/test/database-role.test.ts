// The API's own database connection is least-privileged (trust hardening, "the audit trail can be
// switched off"): it connected as the superuser, which could turn the append-only triggers off
// with `SET session_replication_role = replica`. It now connects in the application role
// (clinic_app), which may read and write rows and nothing more. These statements go through the
// running application's own PrismaService, as a flaw in any repository would send them.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { APPLICATION_ROLE, PrismaService } from '@clinic/db';
import { bearer } from './support/auth.js';
import { type ClinicTeam, startClinicTeam } from './support/clinic-team.js';

describe("the API's database connection", () => {
  let team: ClinicTeam;
  let prisma: PrismaService;
  before(async () => {
    team = await startClinicTeam();
    prisma = team.api.app.get(PrismaService);
    // A read of patient data leaves an audit event: something to protect.
    await team.api.http().get('/api/v1/patients').set(bearer(team.staff.accessToken)).expect(200);
  });
  after(() => team.close());

  const auditEventCount = () => team.accounts.prisma.auditEvent.count();

  it('acts in the application role: no superuser, and no owner of any table', async () => {
    const [connection] = await prisma.$queryRawUnsafe<{ superuser: boolean; application: boolean; owner: boolean }[]>(
      `SELECT r.rolsuper AS superuser, pg_has_role(current_user, $1, 'USAGE') AS application,
              EXISTS (SELECT FROM pg_tables t WHERE t.schemaname = 'public' AND pg_has_role(t.tableowner, 'USAGE')) AS owner
         FROM pg_roles r WHERE r.rolname = current_user`,
      APPLICATION_ROLE,
    );
    assert.deepEqual({ ...connection }, { superuser: false, application: true, owner: false });
  });

  for (const [what, sql] of [
    ['switch every trigger off for its session', 'SET session_replication_role = replica'],
    ["disable the audit trail's triggers", 'ALTER TABLE "audit_events" DISABLE TRIGGER ALL'],
    ['update audit events', `UPDATE "audit_events" SET "outcome" = 'success'`],
    ['delete audit events', 'DELETE FROM "audit_events"'],
    ['truncate the audit trail', 'TRUNCATE "audit_events"'],
    ['drop a table', 'DROP TABLE "patients"'],
  ]) {
    it(`may not ${what}`, async () => {
      const before = await auditEventCount();
      assert.ok(before > 0);
      await assert.rejects(prisma.$executeRawUnsafe(sql), /42501|permission denied|must be owner/);
      assert.equal(await auditEventCount(), before);
    });
  }

  it('keeps serving after the refusals', async () => {
    await team.api.http().get('/api/v1/patients').set(bearer(team.staff.accessToken)).expect(200);
  });
});
