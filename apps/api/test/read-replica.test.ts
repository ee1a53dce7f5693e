// The API over a real streaming replica: a throw-away PostgreSQL 15 primary and a hot standby made
// from it with pg_basebackup -R (support/streaming-replica.ts). Lists and searches are read on the
// replica, writes on the primary; a replica that lags is skipped and one that stops costs nothing
// but its speed: the primary answers.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { APPLICATION_ROLE, createPrismaClient, deployMigrations, type PrismaClient } from '@clinic/db';
import { hashPassword } from '@clinic/db/seed';
import { executeSql } from '@clinic/db/testing';
import pg from 'pg';
import { type ApiProcess, call, startApiProcess } from './support/api-process.js';
import { TEST_PASSWORD } from './support/auth.js';
import { type StreamingPair, startStreamingPair, streamingReplicaUnavailable } from './support/streaming-replica.js';

const skip = streamingReplicaUnavailable();
const DATABASE = 'clinic';
const LOGIN = 'clinic_api_replica_test';
const LOGIN_PASSWORD = 'replica-test-password';

const patientBody = (lastName: string) => ({
  firstName: 'Standby',
  lastName,
  dateOfBirth: '1975-04-05',
  sex: 'male',
  phone: '555-010-0177',
  emergencyContactName: 'Next Of Kin',
  emergencyContactPhone: '555-010-0178',
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function onReplica<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('a read replica (a real streaming standby)', { skip }, () => {
  let pair: StreamingPair;
  let primary: PrismaClient;
  let api: ApiProcess;
  let token: string;

  const loginOn = (url: string) => {
    const login = new URL(url);
    login.username = LOGIN;
    login.password = LOGIN_PASSWORD;
    return login.toString();
  };

  before(async () => {
    pair = await startStreamingPair(async (primaryUrl) => {
      await executeSql(primaryUrl(), `CREATE DATABASE ${DATABASE}`);
      await deployMigrations(primaryUrl(DATABASE));
      await executeSql(primaryUrl(), `CREATE ROLE ${LOGIN} LOGIN PASSWORD '${LOGIN_PASSWORD}' IN ROLE ${APPLICATION_ROLE}`);
    });
    primary = createPrismaClient({ databaseUrl: pair.primaryUrl(DATABASE), poolSize: 2 });
    const email = 'standby-reader@clinic.test';
    await primary.provider.create({
      data: { email, passwordHash: await hashPassword(TEST_PASSWORD), firstName: 'Standby', lastName: 'Reader', role: 'admin', isActive: true },
    });
    api = await startApiProcess({
      DATABASE_URL: loginOn(pair.primaryUrl(DATABASE)),
      DATABASE_REPLICA_URLS: loginOn(pair.replicaUrl(DATABASE)),
      REPLICA_MAX_LAG_SECONDS: '2',
      LIST_RATE_LIMIT_PER_MINUTE: '10000',
    });
    const signedIn = await call(api.baseUrl, 'POST', '/api/v1/auth/login', { body: { email, password: TEST_PASSWORD } });
    assert.equal(signedIn.status, 200, JSON.stringify(signedIn.body));
    token = signedIn.body.accessToken as string;
  });

  after(async () => {
    await api?.stop('SIGKILL');
    await primary?.$disconnect();
    await pair?.drop();
  });

  /** What the API's replica connections last ran, as the replica's pg_stat_activity shows them. */
  const replicaStatements = () =>
    onReplica<{ query: string }>(pair.replicaUrl(DATABASE), `SELECT query FROM pg_stat_activity WHERE application_name = 'clinic-api replica'`);

  async function untilOnReplica(lastName: string): Promise<void> {
    for (let tries = 0; ; tries++) {
      const rows = await onReplica(pair.replicaUrl(DATABASE), `SELECT 1 FROM patients WHERE "lastName" = '${lastName}'`);
      if (rows.length > 0) return;
      assert.ok(tries < 100, `${lastName} never reached the replica`);
      await sleep(100);
    }
  }

  it('reports the replica in /health/ready: ok, and how far behind', async () => {
    const ready = await call(api.baseUrl, 'GET', '/health/ready');
    assert.equal(ready.status, 200);
    const [replica] = ready.body.replicas as Array<{ name: string; status: string; lagSeconds: number }>;
    assert.equal(replica!.status, 'ok');
    assert.equal(replica!.name, `127.0.0.1:${pair.replicaPort}/${DATABASE}`, 'named without its credentials');
    assert.ok(replica!.lagSeconds <= 2);
  });

  it('writes on the primary, and reads the patient list on the replica', async () => {
    const created = await call(api.baseUrl, 'POST', '/api/v1/patients', { token, body: patientBody('Replicated') });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    await untilOnReplica('Replicated');
    const listed = await call(api.baseUrl, 'GET', '/api/v1/patients?q=Replicated', { token });
    assert.equal(listed.status, 200);
    assert.deepEqual((listed.body.data ?? []).map((patient) => patient.lastName), ['Replicated']);
    const statements = (await replicaStatements()).map((row) => row.query);
    assert.ok(statements.some((query) => /patient_last_names|"patients"/.test(query)), `the replica ran: ${statements.join(' | ')}`);
    assert.ok(!statements.some((query) => /^\s*(INSERT|UPDATE|DELETE)/i.test(query)), 'no write went to the replica');
    // The search's audit event (a write) is on the primary.
    assert.ok((await primary.auditEvent.count({ where: { action: 'search', resourceType: 'patient' } })) >= 1);
  });

  it('skips a replica that lags more than REPLICA_MAX_LAG_SECONDS: the primary answers with the newest rows', async () => {
    await executeSql(pair.replicaUrl(DATABASE), 'SELECT pg_wal_replay_pause()');
    try {
      const created = await call(api.baseUrl, 'POST', '/api/v1/patients', { token, body: patientBody('Unreplayed') });
      assert.equal(created.status, 201);
      // The replica is behind from now on; its state is read again within a second or so.
      let state = '';
      for (let tries = 0; tries < 60 && state !== 'lagging'; tries++) {
        await sleep(250);
        state = ((await call(api.baseUrl, 'GET', '/health/ready')).body.replicas as Array<{ status: string }>)[0]!.status;
      }
      assert.equal(state, 'lagging');
      const listed = await call(api.baseUrl, 'GET', '/api/v1/patients?q=Unreplayed', { token });
      assert.deepEqual((listed.body.data ?? []).map((patient) => patient.lastName), ['Unreplayed'], 'read on the primary');
    } finally {
      await executeSql(pair.replicaUrl(DATABASE), 'SELECT pg_wal_replay_resume()');
    }
  });

  it('keeps answering when the replica stops (the primary takes its reads), and says so in /health/ready', async () => {
    await pair.stopReplica();
    for (let n = 0; n < 5; n++) {
      const listed = await call(api.baseUrl, 'GET', '/api/v1/patients', { token });
      assert.equal(listed.status, 200, `list ${n} after the replica stopped: ${JSON.stringify(listed.body)}`);
      assert.ok((listed.body.data ?? []).length >= 2);
    }
    assert.equal((await call(api.baseUrl, 'GET', '/api/v1/appointments', { token })).status, 200);
    assert.equal((await call(api.baseUrl, 'GET', '/api/v1/providers', { token })).status, 200);
    const ready = await call(api.baseUrl, 'GET', '/health/ready');
    assert.equal(ready.status, 200, 'a replica down does not make the API unready');
    assert.equal((ready.body.replicas as Array<{ status: string }>)[0]!.status, 'unreachable');
  });
});
