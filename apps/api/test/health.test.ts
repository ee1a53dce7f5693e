import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PrismaService, ReadReplicas } from '@clinic/db';
import { codeMigrations } from '@clinic/db/migrations';
import { createTestDatabase, executeSql as execute, type TestDatabase } from '@clinic/db/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import supertest from 'supertest';
import { createApp } from '../src/app.factory.js';
import { loadConfig } from '../src/config/app-config.js';
import { HealthRepository } from '../src/health/health.repository.js';
import { SCHEMA_STATE_MAX_AGE_MS, SchemaStateCache } from '../src/health/schema-state.cache.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** The application over a database prepared first: the state it reads at start-up. */
async function appOver(database: TestDatabase): Promise<NestFastifyApplication> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: database.url, DATABASE_POOL_SIZE: String(database.poolSize) });
  return createApp({ ...config, databaseUrl: database.url });
}

const newestInCode = async () => (await codeMigrations()).map((migration) => migration.name).at(-1)!;
const FOREIGN = '20240301000000_add_elsewhere';
const insertApplied = (name: string) =>
  `INSERT INTO _prisma_migrations (id, checksum, migration_name, finished_at, applied_steps_count) VALUES (gen_random_uuid()::text, repeat('1', 64), '${name}', now(), 1)`;

describe('health', () => {
  let api: TestApp;
  before(async () => {
    api = await startTestApp();
  });
  after(() => api.close());

  it('says the process is live', async () => {
    const response = await api.http().get('/health/live').expect(200);
    assert.deepEqual(response.body, { status: 'ok' });
  });

  it('says it is ready when the database answers and holds the migrations this build carries, with the schema version', async () => {
    const newest = await newestInCode();
    const response = await api.http().get('/health/ready').expect(200);
    assert.deepEqual(response.body, { status: 'ok', database: 'up', schema: { version: newest, codeVersion: newest, ahead: [] }, replicas: [] });
  });

  it('publishes both routes in the OpenAPI document, the 503 with its schema state', async () => {
    const response = await api.http().get('/docs-json').expect(200);
    assert.match(response.body.openapi, /^3\./);
    assert.ok(response.body.paths['/health/live']);
    const ready = response.body.paths['/health/ready'].get.responses;
    assert.match(ready['503'].content['application/json'].schema.$ref, /ReadinessRefusedDto$/);
    assert.match(ready['200'].content['application/json'].schema.$ref, /ReadinessDto$/);
    const refused = response.body.components.schemas.SchemaStateDto.properties;
    assert.deepEqual(Object.keys(refused).sort(), ['ahead', 'checksumMismatches', 'codeVersion', 'failed', 'pending', 'unknown', 'version']);
  });
});

describe('health when the database and the code disagree', () => {
  let newest: string;
  before(async () => {
    newest = await newestInCode();
  });

  it('answers 503 naming what is pending, edited since applied, or unknown to this build', async () => {
    const database = await createTestDatabase();
    await execute(
      database.url,
      `UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = '${newest}';
       UPDATE _prisma_migrations SET checksum = repeat('0', 64) WHERE migration_name = '20240215120000_initial_schema';
       ${insertApplied(FOREIGN)}`,
    );
    const app = await appOver(database);
    try {
      const response = await supertest(app.getHttpServer()).get('/health/ready').expect(503);
      assert.equal(response.body.statusCode, 503);
      assert.equal(response.body.code, 'schema_not_ready');
      assert.match(response.body.message, new RegExp(`^schema is not ready: 1 pending \\(${newest}\\); edited since applied: 20240215120000_initial_schema; applied but not in the code: ${FOREIGN}$`));
      assert.deepEqual(response.body.schema, {
        version: (await codeMigrations()).map((migration) => migration.name).at(-2),
        codeVersion: newest,
        ahead: [],
        pending: [newest],
        unknown: [FOREIGN],
        failed: [],
        checksumMismatches: ['20240215120000_initial_schema'],
      });
      await supertest(app.getHttpServer()).get('/health/live').expect(200);
    } finally {
      await app.close();
      await database.drop();
    }
  });

  it('answers 503 naming a failed migration', async () => {
    const database = await createTestDatabase();
    await execute(database.url, `UPDATE _prisma_migrations SET finished_at = NULL, logs = 'Database error code: 42P01' WHERE migration_name = '${newest}'`);
    const app = await appOver(database);
    try {
      const response = await supertest(app.getHttpServer()).get('/health/ready').expect(503);
      assert.deepEqual([response.body.code, response.body.schema.failed, response.body.schema.pending], ['schema_not_ready', [newest], [newest]]);
    } finally {
      await app.close();
      await database.drop();
    }
  });

  it("stays ready when the database is ahead: the next release's migrations, deployed before its code", async () => {
    const database = await createTestDatabase();
    const next = '29991231235959_add_next_release_column';
    await execute(database.url, insertApplied(next));
    const app = await appOver(database);
    try {
      const response = await supertest(app.getHttpServer()).get('/health/ready').expect(200);
      assert.deepEqual(response.body.schema, { version: next, codeVersion: newest, ahead: [next] });
    } finally {
      await app.close();
      await database.drop();
    }
  });
});

describe('the schema state behind /health/ready', () => {
  let database: TestDatabase;
  let prisma: PrismaService;
  before(async () => {
    database = await createTestDatabase();
    prisma = new PrismaService({ databaseUrl: database.url, poolSize: database.poolSize });
  });
  after(async () => {
    await prisma?.$disconnect();
    await database?.drop();
  });

  it('reads the history once for many probes, and again only when its reading is older than the bound', async () => {
    let reads = 0;
    class CountingRepository extends HealthRepository {
      override migrationHistory() {
        reads++;
        return super.migrationHistory();
      }
    }
    let now = 1_000_000;
    const cache = new SchemaStateCache(new CountingRepository(prisma, new ReadReplicas(prisma, { urls: [], maxLagSeconds: 10, poolSize: 1 })), () => now);

    const probes = await Promise.all(Array.from({ length: 20 }, () => cache.current()));
    assert.equal(reads, 1, 'concurrent probes share one read');
    assert.ok(probes.every((probe) => 'state' in probe && probe.state.ready));

    // A migration rolled back meanwhile is seen once the reading has aged past the bound, not before.
    await execute(database.url, `UPDATE _prisma_migrations SET rolled_back_at = now() WHERE migration_name = '${await newestInCode()}'`);
    now += SCHEMA_STATE_MAX_AGE_MS - 1;
    const cached = await cache.current();
    assert.equal(reads, 1);
    assert.ok('state' in cached && cached.state.ready);

    now += 1;
    const fresh = await cache.current();
    assert.equal(reads, 2);
    assert.ok('state' in fresh && !fresh.state.ready && fresh.state.pending.length === 1);
  });

});

describe('health when the migration history cannot be read', () => {
  const embedded = !process.env.DATABASE_URL || process.env.TEST_EMBEDDED === '1';

  it('answers 503 schema_unreadable, naming no cause, to a role without SELECT on _prisma_migrations', { skip: embedded && 'needs a PostgreSQL server with roles' }, async () => {
    const database = await createTestDatabase();
    const role = `health_reader_${process.pid}_${Date.now().toString(36)}`;
    const { pathname } = new URL(database.url);
    await execute(database.url, `CREATE ROLE "${role}" LOGIN; GRANT CONNECT ON DATABASE "${pathname.slice(1)}" TO "${role}"; GRANT USAGE ON SCHEMA public TO "${role}"`);
    const url = new URL(database.url);
    url.username = role;
    const app = await appOver({ ...database, url: url.toString() });
    try {
      const response = await supertest(app.getHttpServer()).get('/health/ready').expect(503);
      assert.equal(response.body.code, 'schema_unreadable');
      assert.doesNotMatch(response.body.message, /permission denied/);
    } finally {
      await app.close();
      await database.drop();
      await execute(process.env.DATABASE_URL!, `DROP ROLE IF EXISTS "${role}"`);
    }
  });
});

describe('health with the database down', () => {
  it('answers 503 on /health/ready and stays live', async () => {
    // Port 1 on loopback: nothing listens there, so every query fails to connect.
    const databaseUrl = 'postgresql://postgres@127.0.0.1:1/clinic';
    const app = await createApp({ ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl }), databaseUrl });
    try {
      const response = await supertest(app.getHttpServer()).get('/health/ready').expect(503);
      assert.equal(response.body.statusCode, 503);
      assert.equal(response.body.code, 'database_unavailable');
      await supertest(app.getHttpServer()).get('/health/live').expect(200);
    } finally {
      await app.close();
    }
  });
});
