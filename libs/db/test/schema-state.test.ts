// The schema state: the code's migrations against _prisma_migrations, as /health/ready,
// `db:migrate-status --json`, the deploy and the seed read it.
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import {
  checksumsOf,
  codeMigrations,
  compareMigrations,
  describeSchemaState,
  type MigrationFile,
  type MigrationHistoryRow,
  matchesRecordedChecksum,
  readMigrationFolder,
  readSchemaState,
  sourceMigrationsDir,
  writeMigrationManifest,
} from '../src/migrations/index.js';
import { createEmptyDatabase, createTestDatabase, type TestDatabase } from '../src/testing/index.js';

const file = (name: string, script = `-- ${name}\n`): MigrationFile => ({ name, checksums: checksumsOf(script) });
const applied = (migration: MigrationFile, extra: Partial<MigrationHistoryRow> = {}): MigrationHistoryRow => ({
  migration_name: migration.name,
  checksum: migration.checksums[0],
  finished_at: new Date(),
  rolled_back_at: null,
  ...extra,
});

const A = file('20240101000000_create_a');
const B = file('20240102000000_add_b');
const C = file('20240103000000_add_c');

describe('compareMigrations', () => {
  it('is ready, at the newest applied migration, when the database has exactly the code', () => {
    const state = compareMigrations([A, B], [applied(A), applied(B)]);
    assert.deepEqual(state, {
      ready: true,
      version: B.name,
      codeVersion: B.name,
      applied: [A.name, B.name],
      pending: [],
      unknown: [],
      ahead: [],
      failed: [],
      checksumMismatches: [],
    });
    assert.equal(describeSchemaState(state), `schema is current at ${B.name}`);
  });

  it('names what is pending: never applied, or rolled back', () => {
    const state = compareMigrations([A, B, C], [applied(A), applied(B, { rolled_back_at: new Date() })]);
    assert.equal(state.ready, false);
    assert.deepEqual(state.pending, [B.name, C.name]);
    assert.equal(state.version, A.name);
    assert.equal(describeSchemaState(state), `schema is not ready: 2 pending (${B.name}, ${C.name})`);
  });

  it('names a failed migration (started, never finished, not resolved), and forgets it once resolved', () => {
    const failed = compareMigrations([A, B], [applied(A), applied(B, { finished_at: null })]);
    assert.deepEqual([failed.ready, failed.failed, failed.pending], [false, [B.name], [B.name]]);
    const resolved = compareMigrations([A, B], [applied(A), applied(B, { finished_at: null, rolled_back_at: new Date() }), applied(B)]);
    assert.deepEqual([resolved.ready, resolved.failed], [true, []]);
  });

  it('names a migration whose file changed after it was applied', () => {
    const edited = file(B.name, '-- edited\n');
    const state = compareMigrations([A, edited], [applied(A), applied(B)]);
    assert.deepEqual([state.ready, state.checksumMismatches, state.pending], [false, [B.name], []]);
  });

  it("tells the next release's migrations (ahead: still ready) from another history (unknown: not ready)", () => {
    const ahead = compareMigrations([A, B], [applied(A), applied(B), applied(C)]);
    assert.deepEqual([ahead.ready, ahead.ahead, ahead.unknown, ahead.version, ahead.codeVersion], [true, [C.name], [], C.name, B.name]);
    assert.match(describeSchemaState(ahead), /ahead of the code by 1 migration\(s\), the latest 20240103000000_add_c/);

    const foreign = compareMigrations([A, C], [applied(A), applied(B), applied(C)]);
    assert.deepEqual([foreign.ready, foreign.unknown, foreign.ahead], [false, [B.name], []]);
  });

  it('reads a never-migrated database as everything pending', () => {
    const state = compareMigrations([A, B], []);
    assert.deepEqual([state.ready, state.version, state.pending], [false, null, [A.name, B.name]]);
  });
});

describe('checksums', () => {
  it("accepts what Prisma's engine accepts: the file as written, other line endings, unpadded old checksums", () => {
    const script = 'CREATE TABLE "a" ();\nCREATE TABLE "b" ();\n';
    const migration = file('20240101000000_create_a', script);
    const [asWritten] = migration.checksums;
    assert.ok(matchesRecordedChecksum(migration, asWritten));
    assert.ok(matchesRecordedChecksum(migration, checksumsOf(script.replaceAll('\n', '\r\n'))[0]), 'written on Windows');
    const unpadded = (asWritten.match(/../g) ?? []).map((byte) => byte.replace(/^0/, '')).join('');
    if (unpadded !== asWritten) assert.ok(matchesRecordedChecksum(migration, unpadded), 'engines before prisma-engines#1887');
    assert.ok(!matchesRecordedChecksum(migration, checksumsOf('CREATE TABLE "a" ();\n')[0]));
  });
});

describe('the migrations the code carries', () => {
  let dir: string;
  before(async () => (dir = await mkdtemp(path.join(os.tmpdir(), 'clinic-manifest-'))));
  after(() => rm(dir, { recursive: true, force: true }));

  it('reads the folder by name, skipping folders without a migration.sql', async () => {
    for (const name of ['20240102000000_add_b', '20240101000000_create_a', 'not_a_migration']) await mkdir(path.join(dir, 'migrations', name), { recursive: true });
    await writeFile(path.join(dir, 'migrations/20240101000000_create_a/migration.sql'), 'CREATE TABLE "a" ();\n');
    await writeFile(path.join(dir, 'migrations/20240102000000_add_b/migration.sql'), 'ALTER TABLE "a" ADD COLUMN "b" TEXT;\n');
    const files = await readMigrationFolder(path.join(dir, 'migrations'));
    assert.deepEqual(files.map((one) => one.name), ['20240101000000_create_a', '20240102000000_add_b']);

    const manifest = path.join(dir, 'manifest.json');
    assert.equal(await writeMigrationManifest(path.join(dir, 'migrations'), manifest), 2);
    assert.deepEqual(JSON.parse(await readFile(manifest, 'utf8')).migrations, files);
  });

  it('are, run from the sources, the repository migrations folder', async () => {
    assert.deepEqual(await codeMigrations(), await readMigrationFolder(sourceMigrationsDir()));
  });
});

describe('readSchemaState on a database', () => {
  let migrated: TestDatabase;
  let empty: TestDatabase;
  before(async () => {
    [migrated, empty] = await Promise.all([createTestDatabase(), createEmptyDatabase()]);
  });
  after(() => Promise.all([migrated?.drop(), empty?.drop()]));

  it('reads a migrated database as ready at the newest migration', async () => {
    const code = await codeMigrations();
    const state = await readSchemaState(migrated.url);
    assert.equal(state.ready, true, describeSchemaState(state));
    assert.equal(state.version, code.at(-1)?.name);
    assert.equal(state.applied.length, code.length);
  });

  it('reads a database that was never migrated as every migration pending', async () => {
    const state = await readSchemaState(empty.url);
    assert.deepEqual([state.ready, state.version, state.pending.length], [false, null, (await codeMigrations()).length]);
  });

  it('sees an applied migration edited, and an unknown one', async () => {
    const changed = await createTestDatabase();
    const client = new pg.Client({ connectionString: changed.url });
    await client.connect();
    try {
      await client.query(`UPDATE _prisma_migrations SET checksum = repeat('0', 64) WHERE migration_name = '20240215120000_initial_schema'`);
      await client.query(`INSERT INTO _prisma_migrations (id, checksum, migration_name, finished_at, applied_steps_count) VALUES (gen_random_uuid()::text, repeat('1', 64), '20240301000000_add_elsewhere', now(), 1)`);
      const state = await readSchemaState(changed.url);
      assert.deepEqual([state.ready, state.checksumMismatches, state.unknown], [false, ['20240215120000_initial_schema'], ['20240301000000_add_elsewhere']]);
    } finally {
      await client.end();
      await changed.drop();
    }
  });
});

const embedded = !process.env.DATABASE_URL || process.env.TEST_EMBEDDED === '1';

describe('readSchemaState with ?schema=', { skip: embedded && "PGlite's socket server ignores a connection's startup options (search_path)" }, () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(() => database?.drop());

  it("reads the history where Prisma keeps it: the URL's schema", async () => {
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query('CREATE SCHEMA clinic; ALTER TABLE public._prisma_migrations SET SCHEMA clinic');
    } finally {
      await client.end();
    }
    const url = new URL(database.url);
    url.searchParams.set('schema', 'clinic');
    const moved = await readSchemaState(url.toString());
    assert.equal(moved.ready, true, describeSchemaState(moved));
    assert.equal((await readSchemaState(database.url)).applied.length, 0, 'not in public any more');
  });
});
