// The API against a bare Fastify + pg server doing the same SQL and the same audit insert, on the
// same scale-seeded database (docs/performance.md). Prints figures; never fails on time.
//   DATABASE_URL=… nx run api:bench [--seconds=8] [--rounds=2] [--connections=16]
//     [--search-queries=300] [--cases=read,search,chart,day,create] [--json=<file>]
import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { readDatabaseStanding } from '@clinic/db/environment';
import { DEVELOPMENT_PASSWORD, DEVELOPMENT_STAFF } from '@clinic/db/seed';
import pg from 'pg';
import { newPatientBody, readFixtures } from './fixtures.mjs';
import { alternatingPasses, loadRound, residentMegabytes, summarize, withPeakMemory } from './measure.mjs';
import { API_NODE_OPTIONS, freePort, startServer } from './processes.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const { values: options } = parseArgs({
  options: {
    seconds: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '2' },
    connections: { type: 'string', default: '16' },
    'search-queries': { type: 'string', default: '300' },
    cases: { type: 'string', default: 'read,search,chart,day,create' },
    'log-level': { type: 'string', default: 'info' },
    json: { type: 'string' },
  },
});
const seconds = Number(options.seconds);
const rounds = Number(options.rounds);
const connections = Number(options.connections);
const cases = new Set(options.cases.split(','));
/** Requests of the one-client pass of the read and the chart. */
const ONE_CLIENT_READS = 300;
// Lists are throttled per provider (at most 100,000 a minute even when configured high): requests
// rotate over the four development clinicians' tokens.
const BENCH_ACCOUNTS = DEVELOPMENT_STAFF.filter((member) => member.role === 'clinician').map((member) => member.email);

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('DATABASE_URL is not set: point it at a database filled by `nx run db:seed:scale`');
  process.exit(2);
}
// The rounds write patients and audit events: never anywhere but a development database.
const standing = await readDatabaseStanding(databaseUrl);
if (standing.environment !== 'development') {
  console.error(`database "${standing.database}" on ${standing.server} is not marked development: the benchmark writes to it, so it refuses`);
  process.exit(2);
}

const fmt = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : '—');
const thousands = (value) => Math.round(value).toLocaleString('en-US');

async function describeMachine(client) {
  const { rows } = await client.query('SELECT count(*)::int AS patients, version() AS version FROM "patients"');
  const cpus = os.cpus();
  return {
    cpus: `${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}`,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    loadAverage: os.loadavg().map((load) => load.toFixed(2)).join(' '),
    node: process.version,
    postgres: rows[0].version.split(' on ')[0],
    patients: rows[0].patients,
  };
}

async function signIn(baseUrl, email) {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEVELOPMENT_PASSWORD }),
  });
  if (!response.ok) throw new Error(`sign-in as ${email} failed (${response.status}): was the database seeded for development?`);
  return `Bearer ${(await response.json()).accessToken}`;
}

/** The load cases: each a name and how to make its i-th request. */
function loadCases(fixtures, tokens) {
  const list = [];
  const signed = (index, request) => ({ ...request, headers: { ...request.headers, authorization: tokens[index % tokens.length] } });
  const get = (paths) => (index) => signed(index, { method: 'GET', path: paths[index % paths.length] });
  if (cases.has('read')) list.push(['read patient', get(fixtures.readPaths)]);
  if (cases.has('search')) for (const [kind, paths] of Object.entries(fixtures.searches)) list.push([`search: ${kind}`, get(paths)]);
  if (cases.has('chart')) list.push(['chart (long history)', get([fixtures.chartPath])]);
  if (cases.has('day')) list.push([`provider's day (${fixtures.providerDay.visits} visits)`, get([fixtures.providerDay.path])]);
  if (cases.has('create')) {
    list.push(['create patient', (index) => signed(index, { method: 'POST', path: '/api/v1/patients', headers: { 'content-type': 'application/json' }, body: newPatientBody(index) })]);
  }
  return list;
}

async function measureCase(servers, nextRequest) {
  const round = (server, roundSeconds) => loadRound({ baseUrl: server.baseUrl, connections, seconds: roundSeconds, nextRequest });
  for (const server of servers) await round(server, 2); // warm-up, not counted
  const results = new Map(servers.map((server) => [server.name, []]));
  let peakMegabytes = 0;
  for (let index = 0; index < rounds; index++) {
    for (const server of servers) {
      const { result, peakMegabytes: peak } = await withPeakMemory(server.pid, () => round(server, seconds));
      if (server.name === 'API') peakMegabytes = Math.max(peakMegabytes, peak);
      results.get(server.name).push(result);
    }
  }
  const pooled = (list) => ({
    requestsPerSecond: list.reduce((sum, result) => sum + result.requestsPerSecond, 0) / list.length,
    ...summarize(list.flatMap((result) => result.latencies)),
    failures: list.reduce((sum, result) => sum + result.failures, 0),
  });
  return { api: pooled(results.get('API')), bare: pooled(results.get('bare')), peakMegabytes };
}

const client = new pg.Client({ connectionString: databaseUrl });
await client.connect();
// What autovacuum keeps true on a running server, done here so runs compare: statistics current and
// pages marked all-visible, without which an index-only read visits the table too (a previous run's
// registrations, a migration's backfill, or a server with autovacuum off leave them unmarked).
await client.query('VACUUM (ANALYZE)');
// The pages VACUUM dirtied are written now, not by a checkpoint during the first cases (and the
// API's start-up), which would then wait on the disk. Needs a superuser or pg_checkpoint.
await client.query('CHECKPOINT').catch((error) => console.warn(`CHECKPOINT skipped (${error.message}): the first case may wait on the disk`));
const machine = await describeMachine(client);
const fixtures = await readFixtures(client, { searchQueries: Number(options['search-queries']) });
await client.end();

const jwtSecret = randomBytes(36).toString('base64url');
const shared = { DATABASE_URL: databaseUrl, JWT_SECRET: jwtSecret, DATABASE_POOL_SIZE: '10' };
const api = await startServer('API', path.join(here, '../dist/main.bundle.mjs'), {
  ...shared,
  PORT: String(await freePort()),
  HOST: '127.0.0.1',
  NODE_ENV: 'development',
  LOG_LEVEL: options['log-level'],
  LIST_RATE_LIMIT_PER_MINUTE: '100000',
  ACCESS_TOKEN_TTL_SECONDS: '3600',
}, API_NODE_OPTIONS);
const bare = await startServer('bare', path.join(here, 'bare-server.mjs'), { ...shared, PORT: String(await freePort()) });
const servers = [api, bare];
const idleMegabytes = await residentMegabytes(api.pid);

const report = { at: new Date().toISOString(), machine, options: { seconds, rounds, connections }, ready: {}, load: [], singleClient: [] };
try {
  const tokens = [];
  for (const email of BENCH_ACCOUNTS) tokens.push(await signIn(api.baseUrl, email));
  const headers = { authorization: tokens[0] };
  report.ready = { apiMs: api.readyMs, bareMs: bare.readyMs, apiIdleMegabytes: idleMegabytes };

  console.log(`\n## Clinic API benchmark, ${report.at}\n`);
  console.log(`${machine.cpus}, ${machine.memoryGb} GB; load average at start ${machine.loadAverage}; Node ${machine.node}; ${machine.postgres}`);
  console.log(`Database "${standing.database}": ${thousands(machine.patients)} patients.`);
  console.log(`Ready (spawn → GET /health/ready 200): API ${thousands(api.readyMs)} ms, bare ${thousands(bare.readyMs)} ms. API resident memory after start: ${fmt(idleMegabytes, 0)} MB.\n`);

  console.log(`### Under load: ${connections} connections, ${rounds} × (${seconds} s API, ${seconds} s bare), alternating\n`);
  console.log('| case | API req/s | p50 | p95 | p99 | bare req/s | p50 | p95 | p99 | API ÷ bare | API peak RSS |');
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const [name, nextRequest] of loadCases(fixtures, tokens)) {
    const figures = await measureCase(servers, nextRequest);
    report.load.push({ name, ...figures });
    const { api: a, bare: b } = figures;
    const failures = a.failures + b.failures > 0 ? ` (failures: API ${a.failures}, bare ${b.failures})` : '';
    console.log(
      `| ${name}${failures} | ${thousands(a.requestsPerSecond)} | ${fmt(a.p50)} | ${fmt(a.p95)} | ${fmt(a.p99)} | ${thousands(b.requestsPerSecond)} | ${fmt(b.p50)} | ${fmt(b.p95)} | ${fmt(b.p99)} | ${fmt(a.requestsPerSecond / b.requestsPerSecond, 2)} | ${fmt(figures.peakMegabytes, 0)} MB |`,
    );
  }

  console.log(`\n### Search, one client, ${options['search-queries']} varied queries per kind (ms)\n`);
  console.log('| kind | API p50 | p95 | p99 | bare p50 | p95 | p99 |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  // One client: the paths one after another on each server, a row of the table, the figures kept.
  const oneClientRow = async (kind, paths) => {
    const [a, b] = await alternatingPasses({ baseUrls: [api.baseUrl, bare.baseUrl], headers, paths });
    report.singleClient.push({ kind, api: a, bare: b });
    const statuses = (figures) => Object.entries(figures.failedStatuses).map(([status, count]) => `${count} × ${status}`).join(', ');
    const failures = a.failures + b.failures > 0 ? ` (failures: API ${a.failures} ${statuses(a)}, bare ${b.failures} ${statuses(b)})` : '';
    console.log(`| ${kind}${failures} | ${fmt(a.p50)} | ${fmt(a.p95)} | ${fmt(a.p99)} | ${fmt(b.p50)} | ${fmt(b.p95)} | ${fmt(b.p99)} |`);
    return a;
  };
  for (const [kind, paths] of Object.entries(fixtures.searches)) await oneClientRow(kind, paths);
  if (cases.has('chart')) {
    // The chart's latency beside a single read's, one request at a time: what a clinician opening
    // a chart waits, apart from the queueing of the load rounds above.
    console.log(`\n### Reads, one client, ${ONE_CLIENT_READS} requests each (ms)\n`);
    console.log('| case | API p50 | p95 | p99 | bare p50 | p95 | p99 |');
    console.log('|---|---:|---:|---:|---:|---:|---:|');
    const read = await oneClientRow('read patient', fixtures.readPaths.slice(0, ONE_CLIENT_READS));
    const chart = await oneClientRow('chart (long history)', Array.from({ length: ONE_CLIENT_READS }, () => fixtures.chartPath));
    console.log(`\nChart p95 ÷ read p95, one client: ${fmt(chart.p95 / read.p95, 2)} (API).`);
  }
  console.log(`\nLoad average at the end: ${os.loadavg().map((load) => load.toFixed(2)).join(' ')}`);
} finally {
  await Promise.all(servers.map((server) => server.stop()));
}
if (options.json) await writeFile(options.json, JSON.stringify(report, (key, value) => (key === 'latencies' ? undefined : value), 2));
