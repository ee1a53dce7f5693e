// Benchmark, not a test: what GET /fhir/R4/Patient/{id}/$everything costs through HTTP for a
// patient with 200 signed visits (and one of each other kind), and how many SQL statements it
// sends. Prints figures; docs/fhir.md keeps the latest ones.
//   npx nx run api:bench-fhir                          (the embedded PostgreSQL)
//   DATABASE_URL=postgresql://… npx nx run api:bench-fhir  (a database of its own on that server, dropped after)
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { createPrismaClient, deployMigrations, startEmbeddedPostgres } from '@clinic/db';
import { hashPassword } from '@clinic/db/seed';
import pg from 'pg';
import { createApp } from '../src/app.factory.js';
import { loadConfig } from '../src/config/app-config.js';
import { writeChart } from '../test/support/charts.js';

const VISITS = 200;
const RUNS = 30;
const PASSWORD = 'Bench-Mark-Otoscope-42!';

interface Database {
  url: string;
  poolSize: number;
  drop(): Promise<void>;
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function openDatabase(): Promise<Database> {
  const server = process.env.DATABASE_URL;
  if (!server) {
    const embedded = await startEmbeddedPostgres();
    await deployMigrations(embedded.url);
    return { url: embedded.url, poolSize: 1, drop: () => embedded.stop() };
  }
  const name = `bench_fhir_${randomBytes(4).toString('hex')}`;
  await onServer(server, `CREATE DATABASE "${name}"`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  await deployMigrations(url.toString());
  return { url: url.toString(), poolSize: 10, drop: () => onServer(server, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

/** Every statement any pg client sends, and how long each took until its answer. */
function countStatements() {
  const counted = { statements: 0, databaseMs: 0 };
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    counted.statements += 1;
    const started = performance.now();
    const done = () => (counted.databaseMs += performance.now() - started);
    // pg answers through a callback when given one, else through a promise.
    const callback = args.at(-1);
    if (typeof callback === 'function') args[args.length - 1] = (...results: unknown[]) => (done(), callback(...results));
    const answer = query.apply(this, args) as { then?: (onDone: () => void, onError: () => void) => unknown } | undefined;
    if (typeof callback !== 'function' && typeof answer?.then === 'function') answer.then(done, done);
    return answer;
  } as typeof pg.Client.prototype.query;
  return counted;
}

/** Figures go to stdout: this is a command-line benchmark. */
const print = (line: string) => process.stdout.write(`${line}\n`);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const percentile95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.ceil(values.length * 0.95) - 1]!;

async function main(): Promise<void> {
  const database = await openDatabase();
  const prisma = createPrismaClient({ databaseUrl: database.url, poolSize: 1 });
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: database.url, DATABASE_POOL_SIZE: String(database.poolSize) });
  const app = await createApp({ ...config, databaseUrl: database.url });
  try {
    const passwordHash = await hashPassword(PASSWORD);
    const provider = (role: 'clinician' | 'staff', email: string) => prisma.provider.create({ data: { email, passwordHash, firstName: 'Bench', lastName: role, role } });
    const clinician = await provider('clinician', 'bench.clinician@clinic.test');
    const amender = await provider('clinician', 'bench.amender@clinic.test');
    await provider('staff', 'bench.staff@clinic.test');
    const chart = await writeChart(prisma, { clinicianId: clinician.id, amenderId: amender.id, signedVisits: VISITS });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    const signIn = async (email: string) => {
      const response = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: PASSWORD }) });
      return ((await response.json()) as { accessToken: string }).accessToken;
    };
    const tokens = { clinician: await signIn('bench.clinician@clinic.test'), staff: await signIn('bench.staff@clinic.test') };
    const counted = countStatements();

    print(`$everything of a patient with ${VISITS} signed visits (${chart.appointmentIds.length} appointments), ${RUNS} runs after 5 warm-ups, ${process.env.DATABASE_URL ? 'PostgreSQL server' : 'embedded PostgreSQL'}:`);
    print('| reader | resources | JSON | statements | wall median | wall p95 | database median | CPU median |');
    print('| --- | --- | --- | --- | --- | --- | --- | --- |');
    for (const [reader, query] of [['clinician', ''], ['staff', ''], ['clinician', '?_count=200']] as const) {
      const url = `${base}/fhir/R4/Patient/${chart.patientId}/$everything${query}`;
      const fetchOnce = async () => {
        const response = await fetch(url, { headers: { authorization: `Bearer ${tokens[reader]}` } });
        const text = await response.text();
        if (response.status !== 200) throw new Error(`${response.status} ${text.slice(0, 200)}`);
        return text;
      };
      for (let warmup = 0; warmup < 5; warmup += 1) await fetchOnce();
      const wall: number[] = [];
      const cpu: number[] = [];
      const databaseMs: number[] = [];
      const statements = new Set<number>();
      let text = '';
      for (let run = 0; run < RUNS; run += 1) {
        counted.statements = 0;
        counted.databaseMs = 0;
        const cpuBefore = process.cpuUsage();
        const started = performance.now();
        text = await fetchOnce();
        wall.push(performance.now() - started);
        const used = process.cpuUsage(cpuBefore);
        cpu.push((used.user + used.system) / 1000);
        databaseMs.push(counted.databaseMs);
        statements.add(counted.statements);
      }
      const bundle = JSON.parse(text) as { entry?: unknown[] };
      print(
        `| ${reader}${query ? ` (${query})` : ''} | ${bundle.entry?.length ?? 0} | ${(text.length / 1024 / 1024).toFixed(1)} MiB | ${[...statements].join(', ')} | ` +
          `${median(wall).toFixed(0)} ms | ${percentile95(wall).toFixed(0)} ms | ${median(databaseMs).toFixed(0)} ms | ${median(cpu).toFixed(0)} ms |`,
      );
    }
    print('CPU is this process\'s (the API and the HTTP client both run in it); statements are every one the API sent for the request.');
  } finally {
    await app.close();
    await prisma.$disconnect();
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
