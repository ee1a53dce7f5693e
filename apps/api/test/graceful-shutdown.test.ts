// A rolling restart of one of two replicas: on SIGTERM a process stops accepting, lets the requests
// it is running finish (within SHUTDOWN_GRACE_SECONDS), stops its background workers, closes its
// pools and exits 0; the other replica answers everything meanwhile. Slow requests are made slow
// for real: the test holds a lock on the patients table, so registrations wait in PostgreSQL.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createPrismaClient, type PrismaClient } from '@clinic/db';
import { hashPassword } from '@clinic/db/seed';
import { createTestDatabase, type TestDatabase } from '@clinic/db/testing';
import pg from 'pg';
import { loadConfig } from '../src/config/app-config.js';
import { type ApiProcess, call, startApiProcess } from './support/api-process.js';
import { TEST_PASSWORD } from './support/auth.js';

const patientBody = (n: number) => ({
  firstName: 'Rolling',
  lastName: `Restart${String.fromCharCode(65 + (n % 26))}${String.fromCharCode(65 + Math.floor(n / 26) % 26)}`,
  dateOfBirth: '1980-02-03',
  sex: 'female',
  phone: '555-010-0199',
  emergencyContactName: 'Next Of Kin',
  emergencyContactPhone: '555-010-0198',
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('graceful shutdown of one replica of two', () => {
  let database: TestDatabase;
  let prisma: PrismaClient;
  let token: string;
  const env = (database: TestDatabase, grace: number) => ({
    DATABASE_URL: database.app.databaseUrl,
    DATABASE_POOL_SIZE: '4',
    LIST_RATE_LIMIT_PER_MINUTE: '100000',
    SHUTDOWN_GRACE_SECONDS: String(grace),
  });
  const running: ApiProcess[] = [];
  const start = async (grace: number) => {
    const process = await startApiProcess(env(database, grace));
    running.push(process);
    return process;
  };

  before(async () => {
    database = await createTestDatabase();
    prisma = createPrismaClient({ databaseUrl: database.url, poolSize: 2 });
    const email = 'rolling-restart@clinic.test';
    await prisma.provider.create({
      data: { email, passwordHash: await hashPassword(TEST_PASSWORD), firstName: 'Rolling', lastName: 'Restart', role: 'staff', isActive: true },
    });
    const first = await start(20);
    const signedIn = await call(first.baseUrl, 'POST', '/api/v1/auth/login', { body: { email, password: TEST_PASSWORD } });
    assert.equal(signedIn.status, 200);
    token = signedIn.body.accessToken as string;
  });

  after(async () => {
    await Promise.all(running.map((process) => process.stop('SIGKILL')));
    await prisma?.$disconnect();
    await database?.drop();
  });

  /** Holds a lock that makes every patient registration wait, until `release`. */
  async function holdPatientsTable(): Promise<{ release(): Promise<void> }> {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query('BEGIN');
    // Reads go on; inserts (ROW EXCLUSIVE) wait for this lock.
    await client.query('LOCK TABLE "patients" IN SHARE ROW EXCLUSIVE MODE');
    return {
      release: async () => {
        await client.query('COMMIT');
        await client.end();
      },
    };
  }

  async function waitingInserts(): Promise<number> {
    const [row] = await prisma.$queryRaw<Array<{ waiting: number }>>`
      SELECT count(*)::int AS "waiting" FROM pg_stat_activity
      WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ILIKE 'INSERT INTO%patients%'`;
    return row!.waiting;
  }

  /** Every registered patient committed with its audit event: nothing half-written. */
  async function assertNothingHalfWritten(): Promise<number> {
    const patients = await prisma.patient.findMany({ select: { id: true } });
    const audited = await prisma.auditEvent.findMany({ where: { action: 'create', resourceType: 'patient' }, select: { resourceId: true } });
    assert.deepEqual(new Set(audited.map((event) => event.resourceId)), new Set(patients.map((patient) => patient.id)));
    return patients.length;
  }

  it('is configured by SHUTDOWN_GRACE_SECONDS, 25 by default', () => {
    assert.equal(loadConfig({}).shutdownGraceSeconds, 25);
    assert.equal(loadConfig({ SHUTDOWN_GRACE_SECONDS: '5' }).shutdownGraceSeconds, 5);
  });

  it('finishes the stopping replica\'s slow requests, exits 0, and the other replica fails nothing meanwhile', async () => {
    const stopping = running[0]!;
    const other = await start(20);
    const failures: string[] = [];
    let answered = 0;
    let registered = 0;
    let keepGoing = true;
    // Reads and writes against the other replica, all through the restart.
    const readLoop = (async () => {
      while (keepGoing) {
        const response = await call(other.baseUrl, 'GET', '/api/v1/patients?limit=5', { token }).catch((error: Error) => ({ status: 0, body: error.message }));
        if (response.status === 200) answered++;
        else failures.push(`read ${response.status} ${JSON.stringify(response.body)}`);
      }
    })();
    const writeLoop = (async () => {
      for (let n = 0; keepGoing; n++) {
        const response = await call(other.baseUrl, 'POST', '/api/v1/patients', { token, body: patientBody(n) }).catch((error: Error) => ({ status: 0, body: error.message }));
        if (response.status === 201) registered++;
        else failures.push(`write ${response.status} ${JSON.stringify(response.body)}`);
        await sleep(50);
      }
    })();

    const lock = await holdPatientsTable();
    let inFlight: Array<Promise<{ status: number }>>;
    try {
      // A body the API refuses would never reach the lock: check the load is well-formed first.
      await sleep(300);
      assert.deepEqual(failures, []);
      inFlight = [0, 1, 2].map((n) => call(stopping.baseUrl, 'POST', '/api/v1/patients', { token, body: patientBody(100 + n) }));
      // The three registrations wait in PostgreSQL (the other replica's next one too).
      for (let tries = 0; (await waitingInserts()) < 3; tries++) {
        assert.ok(tries < 200, 'the registrations never reached the lock');
        await sleep(50);
      }
      // One of the waiting may be the other replica's: give the third of ours time to arrive too.
      await sleep(500);
      const exited = stopping.stop('SIGTERM', 30_000);
      await sleep(1_000);
      // The stopping replica takes no new connection any more.
      const refused = await call(stopping.baseUrl, 'GET', '/health/live').then(
        (response) => response.status,
        () => 'refused',
      );
      assert.ok(refused === 'refused' || refused === 503, `a new request to the stopping replica: ${refused}`);
      await lock.release();
      const answers = await Promise.all(inFlight);
      assert.deepEqual(
        answers.map((answer) => answer.status),
        [201, 201, 201],
        'the slow requests in flight at SIGTERM finished',
      );
      assert.equal(await exited, 0, stopping.output());
      assert.match(stopping.output(), /every request finished/);
      // The restarted replica serves again, beside the other.
      const restarted = await start(20);
      assert.equal((await call(restarted.baseUrl, 'GET', '/api/v1/patients?limit=5', { token })).status, 200);
    } finally {
      await lock.release().catch(() => undefined);
      keepGoing = false;
      await Promise.all([readLoop, writeLoop]);
    }
    assert.deepEqual(failures, [], 'requests to the other replica failed during the restart');
    assert.ok(answered > 0 && registered > 0, `${answered} reads, ${registered} registrations on the other replica`);
    assert.equal(await assertNothingHalfWritten(), registered + 3);
  });

  it('cuts requests still running when the grace ends, exits 1, and PostgreSQL rolls their writes back', async () => {
    const before = await prisma.patient.count();
    const impatient = await start(1);
    const lock = await holdPatientsTable();
    try {
      const cut = call(impatient.baseUrl, 'POST', '/api/v1/patients', { token, body: patientBody(300) }).then(
        (response) => response.status,
        () => 'cut',
      );
      for (let tries = 0; (await waitingInserts()) < 1; tries++) {
        assert.ok(tries < 200, 'the registration never reached the lock');
        await sleep(50);
      }
      assert.equal(await impatient.stop('SIGTERM', 30_000), 1, impatient.output());
      assert.equal(await cut, 'cut');
      assert.match(impatient.output(), /requests were cut/);
    } finally {
      await lock.release();
    }
    assert.equal(await prisma.patient.count(), before, 'the cut registration left no row');
    await assertNothingHalfWritten();
  });
});
