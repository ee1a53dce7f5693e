// Read throughput of two API processes against one, on the same machine and the same database
// (docs/operations.md, "Measured: two processes against one"). Creates its own small database on
// the server at DATABASE_URL (migrated and seeded with development data), and drops it at the end:
// no other database is read or written.
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres nx run api:bench-scale-out [--seconds=8] [--rounds=2] [--connections=16]
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createPrismaClient, deployMigrations } from '@clinic/db';
import { DEVELOPMENT_PASSWORD, DEVELOPMENT_STAFF, seedDatabase } from '@clinic/db/seed';
import pg from 'pg';
import { loadRound } from './measure.mjs';
import { API_NODE_OPTIONS, freePort, startServer } from './processes.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values: options } = parseArgs({
  options: {
    seconds: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '2' },
    connections: { type: 'string', default: '16' },
  },
});
const seconds = Number(options.seconds);
const rounds = Number(options.rounds);
const connections = Number(options.connections);
const serverUrl = process.env.DATABASE_URL;
if (!serverUrl) {
  console.error('DATABASE_URL is not set: a PostgreSQL server where this may create (and drop) a database');
  process.exit(2);
}

const fmt = (value, digits = 0) => (Number.isFinite(value) ? value.toFixed(digits) : '—');
const name = `bench_scale_out_${randomBytes(4).toString('hex')}`;
const databaseUrl = Object.assign(new URL(serverUrl), { pathname: `/${name}` }).toString();

async function onServer(sql) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function signIn(baseUrl, email) {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEVELOPMENT_PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in as ${email} failed (${response.status})`);
  return `Bearer ${(await response.json()).accessToken}`;
}

/** Reads only, as a clinic's front desk and clinicians make them: the patient list, searches, one patient. */
async function readPaths() {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query('SELECT "id", "lastName" FROM "patients" ORDER BY "id" LIMIT 50');
    return rows.flatMap((row) => [`/api/v1/patients/${row.id}`, `/api/v1/patients?q=${encodeURIComponent(row.lastName.slice(0, 3))}`, '/api/v1/patients?limit=20']);
  } finally {
    await client.end();
  }
}

await onServer(`CREATE DATABASE "${name}"`);
const servers = [];
try {
  await deployMigrations(databaseUrl);
  const prisma = createPrismaClient({ databaseUrl, poolSize: 2 });
  await seedDatabase(prisma, 'development').finally(() => prisma.$disconnect());
  const paths = await readPaths();

  const shared = {
    DATABASE_URL: databaseUrl,
    JWT_SECRET: randomBytes(36).toString('base64url'),
    DATABASE_POOL_SIZE: '10',
    HOST: '127.0.0.1',
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    LIST_RATE_LIMIT_PER_MINUTE: '100000',
    ACCESS_TOKEN_TTL_SECONDS: '3600',
  };
  const start = async (label) => {
    const server = await startServer(label, path.join(here, '../dist/main.bundle.mjs'), { ...shared, PORT: String(await freePort()) }, API_NODE_OPTIONS);
    servers.push(server);
    return server;
  };
  const [first, second] = [await start('api-1'), await start('api-2')];
  const tokens = [];
  for (const member of DEVELOPMENT_STAFF.filter((staff) => staff.role === 'clinician')) tokens.push(await signIn(first.baseUrl, member.email));
  const nextRequest = (index) => ({ method: 'GET', path: paths[index % paths.length], headers: { authorization: tokens[index % tokens.length] } });

  // The same total of connections either way: all on one process, or half on each (as a
  // round-robin proxy would spread them).
  const one = () => loadRound({ baseUrl: first.baseUrl, connections, seconds, nextRequest }).then((result) => [result]);
  const two = () =>
    Promise.all([first, second].map((server) => loadRound({ baseUrl: server.baseUrl, connections: connections / 2, seconds, nextRequest })));
  const total = (results) => ({
    requestsPerSecond: results.reduce((sum, result) => sum + result.requestsPerSecond, 0),
    failures: results.reduce((sum, result) => sum + result.failures, 0),
  });
  await one();
  await two(); // warm-up, not counted
  const measured = { one: [], two: [] };
  for (let round = 0; round < rounds; round++) {
    measured.one.push(total(await one()));
    measured.two.push(total(await two()));
  }
  const mean = (list) => list.reduce((sum, result) => sum + result.requestsPerSecond, 0) / list.length;
  const [oneRate, twoRate] = [mean(measured.one), mean(measured.two)];
  const failures = [...measured.one, ...measured.two].reduce((sum, result) => sum + result.failures, 0);
  console.log(`\n## Reads: 1 API process against 2, ${new Date().toISOString()}\n`);
  console.log(`${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}; load average at the end ${os.loadavg().map((load) => load.toFixed(2)).join(' ')}; ${connections} connections, ${rounds} × ${seconds} s each, alternating`);
  console.log('| processes | req/s (each round) | mean req/s |');
  console.log('|---|---|---:|');
  console.log(`| 1 | ${measured.one.map((result) => fmt(result.requestsPerSecond)).join(', ')} | ${fmt(oneRate)} |`);
  console.log(`| 2 | ${measured.two.map((result) => fmt(result.requestsPerSecond)).join(', ')} | ${fmt(twoRate)} |`);
  console.log(`\n2 ÷ 1 = ${fmt(twoRate / oneRate, 2)}${failures > 0 ? `; failed requests: ${failures}` : ''}`);
} finally {
  await Promise.all(servers.map((server) => server.stop()));
  await onServer(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
}
