// The database goes away under load and comes back: a TCP proxy between the API and PostgreSQL
// (support/tcp-proxy.ts) cuts every connection and refuses new ones for two seconds while six
// clients register patients with Idempotency-Keys, retrying as the API tells them. The machine's
// PostgreSQL keeps running throughout. Asserted: no 500 at all; every 503 carries Retry-After and
// code database_unavailable; every acknowledged patient is in the database with one create event;
// retries with a key never register twice; readiness turns 503 and back to 200 while liveness
// stays 200; the log says it in a few lines, without a stack.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createTestDatabase, type TestDatabase, testsUseServer } from '@clinic/db/testing';
import supertest from 'supertest';
import { createApp } from '../src/app.factory.js';
import { loadConfig } from '../src/config/app-config.js';
import { AuthFixture, bearer, type SignedInProvider } from './support/auth.js';
import { startTcpProxy, type TcpProxy } from './support/tcp-proxy.js';
import type { TestApp } from './support/test-app.js';

const CLIENTS = 6;
const LOAD_MS = 6_000;
const CUT_AFTER_MS = 2_000;
const CUT_FOR_MS = 2_000;
const LAST_NAME = `Outage${process.pid}`;

interface LogLine {
  level: number;
  msg: string;
  context?: string;
  trace?: string;
  statusCode?: number;
}

function patientBody(client: number, n: number): Record<string, unknown> {
  return {
    firstName: `Client${client}n${n}`,
    lastName: LAST_NAME,
    dateOfBirth: '1970-01-01',
    sex: 'other',
    phone: '(555) 010-0400',
    emergencyContactName: 'Contact Outage',
    emergencyContactPhone: '555.010.0401',
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a database outage under load', { skip: !testsUseServer() && 'needs a PostgreSQL server (DATABASE_URL) to put a proxy in front of' }, () => {
  let database: TestDatabase;
  let proxy: TcpProxy;
  let app: NestFastifyApplication;
  let accounts: AuthFixture;
  let staff: SignedInProvider;
  const logLines: LogLine[] = [];

  before(async () => {
    database = await createTestDatabase();
    const direct = new URL(database.app.databaseUrl);
    proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    const proxied = new URL(direct);
    proxied.host = `127.0.0.1:${proxy.port}`;
    const databaseUrl = proxied.toString();
    const logStream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        for (const line of chunk.toString('utf8').split('\n')) if (line.trim()) logLines.push(JSON.parse(line) as LogLine);
        done();
      },
    });
    const config = loadConfig({
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: '4',
      DATABASE_CONNECT_TIMEOUT_MS: '1000',
      AUTHORITY_CACHE_SECONDS: '0',
    });
    app = await createApp({ ...config, databaseUrl }, { logStream });
    const api: TestApp = { app, database, http: () => supertest(app.getHttpServer()), close: async () => undefined };
    accounts = new AuthFixture(api);
    staff = await accounts.signedIn({ role: 'staff' });
  });

  after(async () => {
    await app?.close();
    await accounts?.close();
    await proxy?.close();
    await database?.drop();
  });

  it('answers 503 with Retry-After, never 500, loses nothing acknowledged, creates nothing twice, and logs a few lines', async (t) => {
    const http = () => supertest(app.getHttpServer());
    const statuses = new Map<number, number>();
    const problems: string[] = [];
    /** Every key, and the patient id each 201 for it named. */
    const answeredIds = new Map<string, Set<string>>();
    let refused = 0;
    const firstLine = logLines.length;
    const startedAt = Date.now();

    async function client(index: number): Promise<void> {
      for (let n = 0; Date.now() - startedAt < LOAD_MS; n++) {
        const key = randomUUID();
        const body = patientBody(index, n);
        // Retry as a client should: the same key and body until the creation is acknowledged.
        for (let attempt = 0; ; attempt++) {
          const response = await http().post('/api/v1/patients').set(bearer(staff.accessToken)).set('Idempotency-Key', key).send(body);
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          if (response.status === 201) {
            const ids = answeredIds.get(key) ?? new Set<string>();
            ids.add(response.body.id);
            answeredIds.set(key, ids);
            // Every third acknowledged creation is sent again, as after an answer lost on the way.
            if (n % 3 === 0 && attempt < 20) {
              const again = await http().post('/api/v1/patients').set(bearer(staff.accessToken)).set('Idempotency-Key', key).send(body);
              statuses.set(again.status, (statuses.get(again.status) ?? 0) + 1);
              if (again.status === 201) {
                ids.add(again.body.id);
                if (again.headers['idempotent-replayed'] !== 'true') problems.push(`a repeated key was not a replay: ${JSON.stringify(again.headers)}`);
              } else if (again.status !== 503) problems.push(`repeat: ${again.status} ${JSON.stringify(again.body)}`);
            }
            break;
          }
          if (response.status !== 503) {
            problems.push(`${response.status} ${JSON.stringify(response.body)}`);
            break;
          }
          refused += 1;
          if (response.headers['retry-after'] !== '2') problems.push(`503 without Retry-After: ${JSON.stringify(response.headers)}`);
          if (response.body.code !== 'database_unavailable') problems.push(`503 body: ${JSON.stringify(response.body)}`);
          // Retry-After says 2 s; the test waits less to keep short, which a client may do too.
          await sleep(100);
        }
      }
    }

    const readiness: number[] = [];
    const liveness: number[] = [];
    let probing = true;
    const probes = (async () => {
      while (probing) {
        readiness.push((await http().get('/health/ready')).status);
        liveness.push((await http().get('/health/live')).status);
        await sleep(150);
      }
    })();
    const outage = (async () => {
      await sleep(CUT_AFTER_MS);
      await proxy.cut();
      await sleep(CUT_FOR_MS);
      await proxy.restore();
    })();
    await Promise.all([...Array.from({ length: CLIENTS }, (_, index) => client(index)), outage]);
    // Readiness is back once the database answers again.
    const backBy = Date.now() + 10_000;
    while (readiness.at(-1) !== 200 && Date.now() < backBy) await sleep(150);
    probing = false;
    await probes;

    const outageLines = logLines.slice(firstLine).filter((line) => line.msg !== 'request completed');
    const said = outageLines.map((line) => `${line.level} ${line.context ?? ''} ${line.msg}`).join('\n');
    t.diagnostic(`answers ${JSON.stringify(Object.fromEntries(statuses))}; ${refused} refused; keys ${answeredIds.size}; readiness ${readiness.join(' ')}`);
    t.diagnostic(`log during the run:\n${said}`);
    assert.deepEqual(problems, [], `statuses ${JSON.stringify([...statuses])}`);
    assert.equal(statuses.get(500), undefined, 'no 500');
    assert.ok(refused > 0, 'some requests met the outage');
    assert.ok(answeredIds.size >= CLIENTS, 'every client had its creations acknowledged');

    // Every acknowledged patient is stored, with its create event; each key named one patient.
    const stored = await accounts.prisma.patient.findMany({ where: { lastName: LAST_NAME }, select: { id: true } });
    const storedIds = new Set(stored.map((row) => row.id));
    for (const [key, ids] of answeredIds) {
      assert.equal(ids.size, 1, `key ${key} answered with ${[...ids].join(', ')}`);
      for (const id of ids) assert.ok(storedIds.has(id), `acknowledged patient ${id} is stored`);
    }
    // Nothing registered twice: as many patients as keys acknowledged (a creation whose answer was
    // lost and whose retry is still pending at the end would be one more; there is none, every
    // client retried until acknowledged).
    assert.equal(stored.length, answeredIds.size, 'one patient per key');
    const events = await accounts.prisma.auditEvent.groupBy({ by: ['resourceId'], where: { action: 'create', resourceType: 'patient', resourceId: { in: [...storedIds] } }, _count: true });
    assert.equal(events.length, storedIds.size, 'every patient has its create event');
    assert.ok(events.every((event) => event._count === 1), 'one create event each');

    assert.ok(readiness.includes(503), `readiness turned 503: ${readiness.join(' ')}`);
    assert.equal(readiness.at(-1), 200, `readiness came back: ${readiness.join(' ')}`);
    assert.ok(liveness.every((status) => status === 200), 'liveness stayed 200');

    // The log: no line per refused request, no stack; one warning, reminders at most every ten
    // seconds (none in a two-second outage), one line when it is back.
    assert.ok(logLines.filter((line) => line.msg === 'request completed').length >= refused, 'the access log is still written');
    assert.ok(outageLines.every((line) => line.level < 50), `no error lines:\n${said}`);
    assert.ok(outageLines.every((line) => !line.trace && !/\n\s+at /.test(line.msg)), `no stacks:\n${said}`);
    assert.ok(outageLines.length <= 6, `a few lines for the outage:\n${said}`);
    assert.equal(outageLines.filter((line) => /^database unavailable/.test(line.msg)).length, 1, said);
    const back = outageLines.filter((line) => /^database available again after \d+\.\d s .*; \d+ requests refused meanwhile/.test(line.msg));
    assert.equal(back.length, 1, said);
  });
});
