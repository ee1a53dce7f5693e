// How the database's failures are told apart: "unavailable" (503 with Retry-After, nothing
// written) versus the refusals a client provokes versus a defect. The shapes are the ones Prisma
// 7's pg adapter and pg produce; most are produced here for real, against a closed port, a port
// that never answers, a saturated pool, a proxy that cuts the connection and (on a server) a
// backend ended with pg_terminate_backend.
import assert from 'node:assert/strict';
import net from 'node:net';
import { after, describe, it } from 'node:test';
import { Logger, type LoggerService } from '@nestjs/common';
import { createPrismaClient, Prisma } from '@clinic/db';
import { testsUseServer } from '@clinic/db/testing';
import pg from 'pg';
import { DatabaseAvailability, OUTAGE_REMINDER_INTERVAL_MS } from '../../src/common/database-availability.js';
import type { UnavailableReason } from '../../src/common/database-errors.js';
import { refusalOf, unavailableReasonOf } from '../../src/common/database-errors.js';
import type { DatabaseProbeRepository } from '../../src/common/database-probe.repository.js';
import { startTcpProxy } from '../support/tcp-proxy.js';

const CLIENT_VERSION = '7.10.1';

function known(code: string, meta?: Record<string, unknown>): Prisma.PrismaClientKnownRequestError {
  return new Prisma.PrismaClientKnownRequestError(`failed (${code})`, { code, clientVersion: CLIENT_VERSION, meta });
}

/** What Prisma makes of a pg error it passed through the adapter (P2010 on raw queries, the model's code otherwise). */
function fromAdapter(cause: Record<string, unknown>, code = 'P2010'): Prisma.PrismaClientKnownRequestError {
  return known(code, { driverAdapterError: { name: 'DriverAdapterError', cause } });
}

function postgres(state: string, message: string, severity = 'ERROR'): Prisma.PrismaClientKnownRequestError {
  return fromAdapter({ originalCode: state, originalMessage: message, kind: 'postgres', code: state, severity, message });
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function failureOf(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  assert.fail('expected the database to fail');
}

describe('database unavailability: shapes as Prisma and pg hand them over', () => {
  const cases: [string, unknown, UnavailableReason][] = [
    ["Prisma's cannot reach (P1001)", known('P1001', { driverAdapterError: { name: 'DriverAdapterError', cause: { kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 1 } } }), 'cannot connect'],
    ["Prisma's timed out (P1002)", known('P1002'), 'timed out'],
    ["Prisma's server closed the connection (P1017)", fromAdapter({ kind: 'ConnectionClosed' }, 'P1017'), 'connection lost'],
    ["Prisma's pool timeout (P2024)", known('P2024'), 'timed out'],
    ["Prisma's transaction could not start in time (P2028)", known('P2028', {}), 'timed out'],
    ['a raw query on a closed port (P2010, DatabaseNotReachable)', fromAdapter({ kind: 'DatabaseNotReachable', host: '127.0.0.1', port: 1 }), 'cannot connect'],
    ['a raw query on a reset connection (P2010, ConnectionClosed)', fromAdapter({ kind: 'ConnectionClosed' }), 'connection lost'],
    ['too many connections (53300, TooManyConnections)', fromAdapter({ originalCode: '53300', originalMessage: 'sorry, too many clients already', kind: 'TooManyConnections' }), 'too many connections'],
    ['admin shutdown (57P01)', postgres('57P01', 'terminating connection due to administrator command', 'FATAL'), 'connection lost'],
    ['crash shutdown (57P02)', postgres('57P02', 'terminating connection because of crash of another server process', 'FATAL'), 'connection lost'],
    ['cannot connect now (57P03)', postgres('57P03', 'the database system is shutting down', 'FATAL'), 'cannot connect'],
    ['connection exception (08006)', postgres('08006', 'connection failure'), 'connection lost'],
    ['a read-only replica refusing a write (25006)', postgres('25006', 'cannot execute INSERT in a read-only transaction'), 'read-only'],
    ['statement timeout (57014)', postgres('57014', 'canceling statement due to statement timeout'), 'timed out'],
    ["pg's bare 'Connection terminated unexpectedly'", new Error('Connection terminated unexpectedly'), 'connection lost'],
    ["pg's bare 'Connection terminated'", new Error('Connection terminated'), 'connection lost'],
    ["pg-pool's acquire timeout", new Error('timeout exceeded when trying to connect'), 'timed out'],
    ["pg's connect timeout, wrapping the terminated socket", new Error('Connection terminated due to connection timeout', { cause: new Error('Connection terminated unexpectedly') }), 'timed out'],
    ["pg's client after a socket error", new Error('Client has encountered a connection error and is not queryable'), 'connection lost'],
    ...(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT'] as const).map(
      (code): [string, unknown, UnavailableReason] => [`a bare socket error ${code}`, Object.assign(new Error(`connect ${code}`), { code, syscall: 'connect', errno: -1 }), code === 'ECONNREFUSED' ? 'cannot connect' : code === 'ETIMEDOUT' ? 'timed out' : 'connection lost'],
    ),
    ['a DriverAdapterError on its own', Object.assign(new Error('DriverAdapterError'), { name: 'DriverAdapterError', cause: { kind: 'ConnectionClosed' } }), 'connection lost'],
    ['wrapped twice (Error.cause of an Error.cause)', new Error('outer', { cause: new Error('middle', { cause: fromAdapter({ kind: 'ConnectionClosed' }) }) }), 'connection lost'],
  ];
  for (const [name, error, reason] of cases) {
    it(`${name} → unavailable (${reason})`, () => {
      assert.equal(unavailableReasonOf(error), reason);
      assert.equal(refusalOf(error), 'unavailable');
    });
  }

  it('leaves the client-provoked refusals and the defects alone', () => {
    assert.equal(refusalOf(postgres('23505', 'duplicate key value violates unique constraint')), 'unique');
    assert.equal(refusalOf(postgres('40001', 'could not serialize access')), 'write_conflict');
    assert.equal(refusalOf(postgres('22P02', 'invalid input syntax for type uuid')), 'invalid_value');
    assert.equal(unavailableReasonOf(postgres('57014', 'canceling statement due to user request')), undefined, 'an operator cancelling a statement is not an outage');
    assert.equal(unavailableReasonOf(postgres('42P01', 'relation "x" does not exist')), undefined);
    assert.equal(unavailableReasonOf(new Error('Cannot read properties of undefined')), undefined);
    assert.equal(unavailableReasonOf(new TypeError('Connection terminated')), 'connection lost', 'the text is what pg gives, whatever the class');
    assert.equal(unavailableReasonOf(Object.assign(new Error('Connection terminated'), { code: 'ERR_SOMETHING' })), undefined, 'a coded error is judged by its code');
    assert.equal(unavailableReasonOf(undefined), undefined);
    assert.equal(unavailableReasonOf('ECONNREFUSED'), undefined);
    const loop: { cause?: unknown } = {};
    loop.cause = loop;
    assert.equal(unavailableReasonOf(loop), undefined, 'a cyclic cause chain ends');
  });
});

describe('database unavailability: produced for real', () => {
  const clients: { $disconnect(): Promise<void> }[] = [];
  after(async () => {
    for (const client of clients) await client.$disconnect().catch(() => undefined);
  });
  const client = (databaseUrl: string, options: { poolSize?: number; connectTimeoutMs?: number } = {}) => {
    const prisma = createPrismaClient({ databaseUrl, poolSize: options.poolSize ?? 2, connectTimeoutMs: options.connectTimeoutMs ?? 2_000 });
    clients.push(prisma);
    return prisma;
  };

  it('a closed port: raw queries and transactions', async () => {
    const prisma = client(`postgresql://nobody@127.0.0.1:${await closedPort()}/nothing`);
    for (const error of [await failureOf(() => prisma.$queryRawUnsafe('SELECT 1')), await failureOf(() => prisma.$transaction(async (tx) => tx.$queryRawUnsafe('SELECT 1')))]) {
      assert.equal(unavailableReasonOf(error), 'cannot connect', String(error));
    }
  });

  it('a port that accepts and never answers: the connect timeout', async () => {
    const held: net.Socket[] = [];
    const silent = net.createServer((socket) => held.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    try {
      const prisma = client(`postgresql://nobody@127.0.0.1:${(silent.address() as net.AddressInfo).port}/nothing`, { connectTimeoutMs: 200 });
      const error = await failureOf(() => prisma.$queryRawUnsafe('SELECT 1'));
      assert.equal(unavailableReasonOf(error), 'timed out', String(error));
    } finally {
      for (const socket of held) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });

  it('a connection cut under a running query (pg through a proxy that cuts)', { skip: !testsUseServer() && 'needs a PostgreSQL server (DATABASE_URL)' }, async () => {
    const server = new URL(process.env.DATABASE_URL!);
    const proxy = await startTcpProxy({ host: server.hostname, port: Number(server.port || 5432) });
    const url = new URL(server);
    url.host = `127.0.0.1:${proxy.port}`;
    const connection = new pg.Client({ connectionString: url.toString() });
    connection.on('error', () => undefined);
    try {
      await connection.connect();
      const running = failureOf(() => connection.query('SELECT 1 FROM pg_sleep(5)'));
      await new Promise((resolve) => setTimeout(resolve, 200));
      await proxy.cut();
      const error = await running;
      assert.equal((error as Error).message, 'Connection terminated unexpectedly');
      assert.equal(unavailableReasonOf(error), 'connection lost');
      assert.equal(unavailableReasonOf(await failureOf(() => connection.query('SELECT 1'))), 'connection lost', 'the dead client refuses further queries');
    } finally {
      await connection.end().catch(() => undefined);
      await proxy.close();
    }
  });

  it('a saturated pool: the acquire timeout', { skip: !testsUseServer() && 'needs a PostgreSQL server (DATABASE_URL)' }, async () => {
    const prisma = client(process.env.DATABASE_URL!, { poolSize: 1, connectTimeoutMs: 500 });
    // The one connection open first, so that only the wait for it can time out.
    await prisma.$queryRawUnsafe('SELECT 1');
    const holding = prisma.$transaction(async (tx) => tx.$queryRawUnsafe('SELECT 1 FROM pg_sleep(1.5)'), { timeout: 5_000 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const error = await failureOf(() => prisma.$queryRawUnsafe('SELECT 1'));
    assert.equal(unavailableReasonOf(error), 'timed out', String(error));
    await holding;
  });

  it('an idle connection the server ends is dropped, and the process lives on', { skip: !testsUseServer() && 'needs a PostgreSQL server (DATABASE_URL)' }, async () => {
    const name = `idle_${process.pid}`;
    const url = new URL(process.env.DATABASE_URL!);
    url.searchParams.set('application_name', name);
    const prisma = client(url.toString(), { poolSize: 2 });
    await Promise.all([prisma.$queryRawUnsafe('SELECT 1 FROM pg_sleep(0.1)'), prisma.$queryRawUnsafe('SELECT 1 FROM pg_sleep(0.1)')]);
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      const { rowCount } = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [name]);
      assert.equal(rowCount, 2, 'both pooled connections were open and idle');
    } finally {
      await admin.end();
    }
    // The pool's 'error' event for each (an unhandled one would end this process) has come and gone.
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual(await prisma.$queryRawUnsafe('SELECT 1 AS one'), [{ one: 1 }]);
  });

  it('a backend ended by pg_terminate_backend, and a statement timeout', { skip: !testsUseServer() && 'needs a PostgreSQL server (DATABASE_URL)' }, async () => {
    const name = `victim_${process.pid}`;
    const url = new URL(process.env.DATABASE_URL!);
    url.searchParams.set('application_name', name);
    const prisma = client(url.toString(), { poolSize: 1 });
    await prisma.$queryRawUnsafe('SELECT 1');
    const running = failureOf(() => prisma.$queryRawUnsafe('SELECT 1 FROM pg_sleep(5)'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [name]);
    } finally {
      await admin.end();
    }
    assert.equal(unavailableReasonOf(await running), 'connection lost', String(await running));
    // The pool dropped the dead connection: the next query opens a new one.
    await prisma.$queryRawUnsafe('SELECT 1');
    const timedOut = await failureOf(() => prisma.$transaction(async (tx) => {
      await tx.$executeRawUnsafe('SET LOCAL statement_timeout = 50');
      await tx.$queryRawUnsafe('SELECT 1 FROM pg_sleep(1)');
    }));
    assert.equal(unavailableReasonOf(timedOut), 'timed out', String(timedOut));
  });
});

describe('the outage log', () => {
  function tracker(answers: (UnavailableReason | undefined)[]) {
    let now = 1_000_000;
    const lines: string[] = [];
    const sink: LoggerService = {
      log: (message: unknown) => lines.push(`info ${String(message)}`),
      warn: (message: unknown) => lines.push(`warn ${String(message)}`),
      error: (message: unknown, trace?: unknown) => lines.push(`error ${String(message)} ${String(trace)}`),
    };
    Logger.overrideLogger(sink);
    const probe = { unavailableReason: async () => answers.shift() } as unknown as DatabaseProbeRepository;
    const availability = new DatabaseAvailability(probe, () => now);
    return { availability, lines, advance: (ms: number) => (now += ms) };
  }

  it('says it once, reminds at most every ten seconds, and names the duration and the refusals at the end', async () => {
    const { availability, lines, advance } = tracker([undefined]);
    try {
      for (let i = 0; i < 500; i++) {
        availability.refused('connection lost');
        advance(50);
      }
      assert.equal(availability.unavailable, true);
      assert.equal(await availability.check(), true);
      assert.equal(availability.unavailable, false);
      assert.equal(lines.length, 1 + Math.floor((500 * 50 - 50) / OUTAGE_REMINDER_INTERVAL_MS) + 1, lines.join('\n'));
      assert.match(lines[0]!, /^warn database unavailable \(connection lost\)/);
      assert.match(lines[1]!, /^warn database still unavailable \(connection lost\) after 10\.0 s; 201 requests refused so far/);
      assert.match(lines.at(-1)!, /^info database available again after 25\.0 s \(connection lost\); 500 requests refused meanwhile/);
      assert.ok(lines.every((line) => !/\n\s+at /.test(line)), 'no stack');
      availability.answered();
      assert.equal(lines.length, 4, 'a success without an outage says nothing');
    } finally {
      availability.onModuleDestroy();
      Logger.overrideLogger(false);
    }
  });

  it('starts from a failed readiness probe too, without counting it as a refused request', async () => {
    const { availability, lines } = tracker(['cannot connect', 'cannot connect', undefined]);
    try {
      assert.equal(await availability.check(), false);
      assert.equal(await availability.check(), false);
      assert.equal(await availability.check(), true);
      assert.deepEqual(lines.map((line) => line.split(' (')[0]), ['warn database unavailable', 'info database available again after 0.0 s']);
      assert.match(lines[1]!, /0 requests refused/);
    } finally {
      availability.onModuleDestroy();
      Logger.overrideLogger(false);
    }
  });
});
