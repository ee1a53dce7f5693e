// Prisma Migrate end to end, through the genuine CLI and the offline schema engine
// (tools/prisma-engine), against a database of this suite's own: deploy, status, dev, diff, drift,
// failures and their recovery, concurrent deploys, lock timeouts, reset, db execute.
//
// Each group below has its own database and runs alongside the others. A group that changes the
// schema or adds migrations works on a temporary copy of libs/db/prisma with a config of its own;
// libs/db/prisma itself is never written.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { type PrismaCliResult, runPrismaCli } from '../src/prisma-cli.js';
import { createEmptyDatabase, type TestDatabase, testsUseServer } from '../src/testing/index.js';
import { workspaceRoot } from '../src/workspace.js';

const root = workspaceRoot();
const embedded = !testsUseServer();
const onlyOnServer = (why: string): string | false => (embedded ? why : false);
const GROUP = { concurrency: 1, timeout: 600_000 };

// ---------------------------------------------------------------------------------------------
// Helpers

/** A temporary copy of libs/db/prisma with a Prisma config of its own (paths relative to it). */
class PrismaCopy {
  private constructor(
    readonly dir: string,
    readonly config: string,
  ) {}

  static async create(): Promise<PrismaCopy> {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'clinic-migrate-'));
    await cp(path.join(root, 'libs/db/prisma'), path.join(dir, 'prisma'), { recursive: true });
    const config = path.join(dir, 'prisma.config.mjs');
    // A plain object: a config outside the repository cannot import 'prisma/config'.
    await writeFile(
      config,
      `process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= ${JSON.stringify(path.join(root, 'tools/prisma-engine/schema-engine.mjs'))};
export default {
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL, shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL },
};
`,
    );
    return new PrismaCopy(dir, config);
  }

  get schema(): string {
    return path.join(this.dir, 'prisma/schema.prisma');
  }

  get migrations(): string {
    return path.join(this.dir, 'prisma/migrations');
  }

  async migrationNames(): Promise<string[]> {
    const entries = await readdir(this.migrations, { withFileTypes: true });
    return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  }

  async addMigration(name: string, sql: string): Promise<void> {
    await mkdir(path.join(this.migrations, name), { recursive: true });
    await writeFile(path.join(this.migrations, name, 'migration.sql'), sql);
  }

  async appendToSchema(text: string): Promise<void> {
    await writeFile(this.schema, `${await readFile(this.schema, 'utf8')}\n${text}\n`);
  }

  cleanup(): Promise<void> {
    return rm(this.dir, { recursive: true, force: true });
  }
}

function databaseEnv(database: TestDatabase, env: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { DATABASE_URL: database.url, MIGRATION_DATABASE_URL: database.url, SHADOW_DATABASE_URL: database.shadowUrl, ...env };
}

/** The Prisma CLI on a database, with the project's config or a copy's. */
function prisma(database: TestDatabase, args: string[], options: { copy?: PrismaCopy; env?: NodeJS.ProcessEnv } = {}): Promise<PrismaCliResult> {
  return runPrismaCli([...args, ...(options.copy ? ['--config', options.copy.config] : [])], databaseEnv(database, options.env));
}

/** As `prisma`, with `input` on the CLI's stdin (runPrismaCli gives it none). */
function prismaWithInput(database: TestDatabase, args: string[], input: string): Promise<PrismaCliResult> {
  const cli = path.join(path.dirname(createRequire(path.join(root, 'package.json')).resolve('prisma/package.json')), 'build/index.js');
  return runNode(cli, args, databaseEnv(database), input);
}

function runNode(script: string, args: string[], env: NodeJS.ProcessEnv, input?: string): Promise<PrismaCliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ exitCode: exitCode ?? 1, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

/** `nx run db:drift`, as CI runs it. */
function drift(database: TestDatabase, copy: PrismaCopy): Promise<PrismaCliResult> {
  return runNode(path.join(root, 'tools/db/drift.mjs'), ['--config', copy.config], databaseEnv(database));
}

function text(result: PrismaCliResult): string {
  return `${result.stdout}\n${result.stderr}`;
}

/** Asserts the exit code, showing what the CLI said when it differs. */
function assertExit(result: PrismaCliResult, expected: number): void {
  assert.equal(result.exitCode, expected, `expected exit ${expected}, got ${result.exitCode}:\n${text(result)}`);
}

async function query<T extends pg.QueryResultRow = Record<string, unknown>>(url: string, sql: string, values?: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

interface HistoryRow {
  migration_name: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
  applied_steps_count: number;
  started_at: Date;
}

function history(database: TestDatabase): Promise<HistoryRow[]> {
  return query<HistoryRow>(
    database.url,
    'SELECT migration_name, finished_at, rolled_back_at, logs, applied_steps_count, started_at FROM _prisma_migrations ORDER BY started_at, migration_name',
  );
}

async function tableExists(database: TestDatabase, table: string): Promise<boolean> {
  const rows = await query<{ found: string | null }>(database.url, 'SELECT to_regclass($1)::text AS found', [`public."${table}"`]);
  return rows[0]?.found != null;
}

async function columnExists(database: TestDatabase, table: string, column: string): Promise<boolean> {
  const rows = await query(database.url, 'SELECT 1 FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2 AND column_name = $3', ['public', table, column]);
  return rows.length === 1;
}

async function projectMigrationNames(): Promise<string[]> {
  const entries = await readdir(path.join(root, 'libs/db/prisma/migrations'), { withFileTypes: true });
  return entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
}

async function shadowDatabases(): Promise<string[]> {
  const rows = await query<{ datname: string }>(process.env.DATABASE_URL!, "SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'");
  return rows.map((row) => row.datname);
}

// ---------------------------------------------------------------------------------------------

let shadowDatabasesBefore: string[] = [];

describe('prisma migrate through the offline schema engine', { concurrency: true }, () => {
  before(async () => {
    if (!embedded) shadowDatabasesBefore = await shadowDatabases();
  });

  describe("the project's migrations on an empty database", GROUP, () => {
    let database: TestDatabase;
    let names: string[];
    before(async () => {
      database = await createEmptyDatabase();
      names = await projectMigrationNames();
    });
    after(() => database?.drop());

    it('status lists every migration as pending, with exit code 1', async () => {
      const result = await prisma(database, ['migrate', 'status']);
      assertExit(result, 1);
      assert.match(text(result), /have not yet been applied/);
      for (const name of names) assert.ok(result.stdout.includes(name), `${name} listed as pending`);
    });

    it('deploy applies every migration once', async () => {
      const result = await prisma(database, ['migrate', 'deploy']);
      assertExit(result, 0);
      assert.match(result.stdout, /All migrations have been successfully applied/);
      const rows = await history(database);
      assert.deepEqual(rows.map((row) => row.migration_name).sort(), names);
      assert.ok(rows.every((row) => row.finished_at !== null && row.rolled_back_at === null && row.applied_steps_count === 1));
      assert.ok(await tableExists(database, 'patients'));
    });

    it('deploy again is a no-op', async () => {
      const before = await history(database);
      const result = await prisma(database, ['migrate', 'deploy']);
      assertExit(result, 0);
      assert.match(result.stdout, /No pending migrations to apply/);
      assert.deepEqual(await history(database), before);
    });

    it('status then reports the database up to date, with exit code 0', async () => {
      const result = await prisma(database, ['migrate', 'status']);
      assertExit(result, 0);
      assert.match(result.stdout, /Database schema is up to date/);
    });

    it('migrate diff --script renders SQL, and --exit-code tells an empty diff from a difference', async () => {
      const script = await prisma(database, ['migrate', 'diff', '--from-empty', '--to-schema', 'prisma/schema.prisma', '--script', '--exit-code']);
      assertExit(script, 2);
      assert.match(script.stdout, /CREATE TABLE "(public"\.")?patients"/);
      assert.match(script.stdout, /CREATE TYPE "(public"\.")?Sex" AS ENUM/);
      const live = await prisma(database, ['migrate', 'diff', '--from-migrations', 'prisma/migrations', '--to-config-datasource', '--script', '--exit-code']);
      assertExit(live, 0);
      assert.match(live.stdout, /This is an empty migration/);
    });

    it('the drift check catches a change made by hand on the live database', async () => {
      const copy = await PrismaCopy.create();
      try {
        await query(database.url, 'ALTER TABLE "patients" ADD COLUMN "shoe_size" INTEGER');
        const result = await drift(database, copy);
        assertExit(result, 1);
        assert.match(result.stderr, /the database at .* differs from the migrations/);
        assert.match(result.stderr, /ADD COLUMN\s+"shoe_size" INTEGER/);
      } finally {
        await query(database.url, 'ALTER TABLE "patients" DROP COLUMN IF EXISTS "shoe_size"');
        await copy.cleanup();
      }
    });

    it('db execute runs a script from stdin', async () => {
      const result = await prismaWithInput(
        database,
        ['db', 'execute', '--stdin'],
        `CREATE TABLE "exec_probe" ("id" int, "note" text);\nINSERT INTO "exec_probe" VALUES (1, 'a;b'), (2, $$c;d$$);`,
      );
      assertExit(result, 0);
      assert.match(result.stdout, /Script executed successfully/);
      assert.deepEqual(await query(database.url, 'SELECT id, note FROM exec_probe ORDER BY id'), [
        { id: 1, note: 'a;b' },
        { id: 2, note: 'c;d' },
      ]);
    });

    it('db execute reports a failing script with the PostgreSQL error and leaves none of it behind', async () => {
      const result = await prismaWithInput(database, ['db', 'execute', '--stdin'], 'CREATE TABLE "exec_half" ("id" int);\nSELECT * FROM "no_such_table";');
      assertExit(result, 1);
      assert.match(text(result), /no_such_table/);
      assert.equal(await tableExists(database, 'exec_half'), false);
    });

    it('reset --force empties the database and applies every migration again', async () => {
      await query(database.url, 'CREATE TABLE "reset_probe" ("id" int)');
      const startedBefore = new Date();
      const result = await prisma(database, ['migrate', 'reset', '--force']);
      assertExit(result, 0);
      assert.match(result.stdout, /Database reset successful/);
      assert.equal(await tableExists(database, 'reset_probe'), false);
      assert.equal(await tableExists(database, 'exec_probe'), false);
      const rows = await history(database);
      assert.deepEqual(rows.map((row) => row.migration_name).sort(), names);
      assert.ok(rows.every((row) => row.finished_at !== null && row.started_at.getTime() >= startedBefore.getTime() - 5_000));
    });
  });

  describe('a schema change, from drift to a new migration', GROUP, () => {
    let database: TestDatabase;
    let copy: PrismaCopy;
    let baseline: string[];
    before(async () => {
      [database, copy] = await Promise.all([createEmptyDatabase(), PrismaCopy.create()]);
      baseline = await copy.migrationNames();
      assertExit(await prisma(database, ['migrate', 'deploy'], { copy }), 0);
    });
    after(async () => {
      await database?.drop();
      await copy?.cleanup();
    });

    it('the drift check passes when schema, migrations and database agree', async () => {
      const result = await drift(database, copy);
      assertExit(result, 0);
      assert.match(result.stdout, /^drift: OK: .*matches the migrations, and so does the database at /);
      assert.equal(result.stdout.trim().split('\n').length, 1, 'one line');
    });

    it('the drift check fails when schema.prisma changes without a migration, and shows the SQL', async () => {
      await copy.appendToSchema('model Widget {\n  id   Int    @id @default(autoincrement())\n  name String @db.VarChar(100)\n\n  @@map("widgets")\n}');
      const result = await drift(database, copy);
      assertExit(result, 1);
      assert.match(result.stderr, /schema\.prisma differs from the migrations/);
      assert.match(result.stderr, /CREATE TABLE "(public"\.")?widgets"/);
      assert.doesNotMatch(result.stderr, /the database at/, 'the database still matches the migrations');
    });

    it('migrate dev --create-only writes YYYYMMDDHHMMSS_add_widget/migration.sql and applies nothing', async () => {
      const result = await prisma(database, ['migrate', 'dev', '--create-only', '--name', 'add_widget'], { copy });
      assertExit(result, 0);
      const added = (await copy.migrationNames()).filter((name) => !baseline.includes(name));
      assert.equal(added.length, 1, `one new folder: ${added.join(', ')}`);
      const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})_add_widget$/.exec(added[0]!);
      assert.ok(match, `folder name ${added[0]}`);
      const [, year, month, day, hour, minute, second] = match.map(Number);
      const stamped = Date.UTC(year!, month! - 1, day, hour, minute, second);
      assert.ok(Math.abs(Date.now() - stamped) < 10 * 60_000, 'the timestamp is now, in UTC');
      const sql = await readFile(path.join(copy.migrations, added[0]!, 'migration.sql'), 'utf8');
      assert.match(sql, /CREATE TABLE "widgets"/);
      assert.equal(await tableExists(database, 'widgets'), false, 'not applied');
      assert.ok(!(await history(database)).some((row) => row.migration_name === added[0]), 'no history row');
    });

    it('the drift check then reports the database behind its migrations', async () => {
      const result = await drift(database, copy);
      assertExit(result, 1);
      assert.match(result.stderr, /is not at the migrations' state/);
      assert.match(result.stderr, /_add_widget/);
      assert.doesNotMatch(result.stderr, /schema\.prisma differs/);
    });

    it('migrate dev --name applies the pending migration and a new one for the next change', async () => {
      await writeFile(copy.schema, (await readFile(copy.schema, 'utf8')).replace('name String @db.VarChar(100)', 'name String @db.VarChar(100)\n  size Int?'));
      const result = await prisma(database, ['migrate', 'dev', '--name', 'add_widget_size'], { copy });
      assertExit(result, 0);
      assert.match(result.stdout, /in sync with your schema/);
      const added = (await copy.migrationNames()).filter((name) => !baseline.includes(name));
      assert.equal(added.length, 2);
      assert.match(added[1]!, /^\d{14}_add_widget_size$/);
      const rows = await history(database);
      for (const name of added) assert.ok(rows.some((row) => row.migration_name === name && row.finished_at !== null), `${name} applied`);
      assert.ok(await columnExists(database, 'widgets', 'size'));
    });

    it('the drift check passes again', async () => {
      assertExit(await drift(database, copy), 0);
    });
  });

  describe('a migration that fails half-way', GROUP, () => {
    const failing = '20990101000000_add_half_way';
    let database: TestDatabase;
    let copy: PrismaCopy;
    before(async () => {
      [database, copy] = await Promise.all([createEmptyDatabase(), PrismaCopy.create()]);
      assertExit(await prisma(database, ['migrate', 'deploy'], { copy }), 0);
    });
    after(async () => {
      await database?.drop();
      await copy?.cleanup();
    });

    it("fails with P3018 and PostgreSQL's error code, leaving none of its statements behind", async () => {
      await copy.addMigration(
        failing,
        [
          'CREATE TABLE "half_way" ("id" INTEGER NOT NULL, CONSTRAINT "half_way_pkey" PRIMARY KEY ("id"));',
          'INSERT INTO "half_way" VALUES (1);',
          'ALTER TABLE "patients" ADD COLUMN "half_way_id" INTEGER;',
          'ALTER TABLE "no_such_table" ADD COLUMN "x" INTEGER;',
        ].join('\n'),
      );
      const result = await prisma(database, ['migrate', 'deploy'], { copy });
      assertExit(result, 1);
      const said = text(result);
      assert.match(said, /P3018/);
      assert.match(said, new RegExp(`Migration name: ${failing}`));
      assert.match(said, /Database error code: 42P01/);
      assert.match(said, /relation "no_such_table" does not exist/);
      assert.equal(await tableExists(database, 'half_way'), false, 'the CREATE TABLE was rolled back');
      assert.equal(await columnExists(database, 'patients', 'half_way_id'), false, 'the ALTER TABLE was rolled back');
    });

    it('leaves its history row marked failed, with the PostgreSQL error in the logs', async () => {
      const row = (await history(database)).find((one) => one.migration_name === failing);
      assert.ok(row, 'a history row');
      assert.equal(row.finished_at, null);
      assert.equal(row.rolled_back_at, null);
      assert.match(row.logs ?? '', /Database error code: 42P01/);
      assert.match(row.logs ?? '', /relation "no_such_table" does not exist/);
    });

    it('blocks the next deploy with P3009, and status says so', async () => {
      const deploy = await prisma(database, ['migrate', 'deploy'], { copy });
      assertExit(deploy, 1);
      assert.match(text(deploy), /P3009/);
      assert.match(text(deploy), new RegExp(`${failing}\` migration started at .* failed`));
      const status = await prisma(database, ['migrate', 'status'], { copy });
      assertExit(status, 1);
      assert.match(text(status), /have failed/);
      assert.match(text(status), new RegExp(`migrate resolve --rolled-back "${failing}"`));
    });

    it('deploys the fixed migration after migrate resolve --rolled-back', async () => {
      const resolve = await prisma(database, ['migrate', 'resolve', '--rolled-back', failing], { copy });
      assertExit(resolve, 0);
      assert.ok((await history(database)).find((row) => row.migration_name === failing)?.rolled_back_at);
      await copy.addMigration(
        failing,
        [
          'CREATE TABLE "half_way" ("id" INTEGER NOT NULL, CONSTRAINT "half_way_pkey" PRIMARY KEY ("id"));',
          'INSERT INTO "half_way" VALUES (1);',
          'ALTER TABLE "patients" ADD COLUMN "half_way_id" INTEGER;',
        ].join('\n'),
      );
      const deploy = await prisma(database, ['migrate', 'deploy'], { copy });
      assertExit(deploy, 0);
      assert.ok(await tableExists(database, 'half_way'));
      assert.ok(await columnExists(database, 'patients', 'half_way_id'));
      const rows = (await history(database)).filter((row) => row.migration_name === failing);
      assert.equal(rows.length, 2, 'the rolled-back attempt and the applied one');
      assert.equal(rows.filter((row) => row.finished_at !== null).length, 1);
    });

    it('migrate resolve --applied records a migration carried out by hand, and deploy then skips it', async () => {
      const byHand = '20990102000000_create_by_hand';
      await copy.addMigration(byHand, 'CREATE TABLE "by_hand" ("id" INTEGER);');
      await query(database.url, 'CREATE TABLE "by_hand" ("id" INTEGER)');
      const resolve = await prisma(database, ['migrate', 'resolve', '--applied', byHand], { copy });
      assertExit(resolve, 0);
      const row = (await history(database)).find((one) => one.migration_name === byHand);
      assert.ok(row?.finished_at, 'recorded as applied');
      assert.equal(row.applied_steps_count, 0, 'nothing was run');
      const deploy = await prisma(database, ['migrate', 'deploy'], { copy });
      assertExit(deploy, 0);
      assert.match(deploy.stdout, /No pending migrations to apply/);
    });
  });

  // On PGlite, two deploys do not wait for each other (its connections share one session, so the
  // advisory lock does not exclude): the second stops with P3009 on the first's unfinished row.
  describe('concurrent deploys and lock waits', { ...GROUP, skip: onlyOnServer('PGlite is one PostgreSQL session: no locks between its connections') }, () => {
    let database: TestDatabase;
    let copy: PrismaCopy;
    before(async () => {
      [database, copy] = await Promise.all([createEmptyDatabase(), PrismaCopy.create()]);
    });
    after(async () => {
      await database?.drop();
      await copy?.cleanup();
    });

    it('two deploys started at once apply each migration exactly once, and both succeed', async () => {
      // A slow last migration keeps the first deploy busy while the second one starts.
      await copy.addMigration('20990101000000_add_slow', 'SELECT pg_sleep(1.5);\nCREATE TABLE "slow" ("id" INTEGER);');
      const results = await Promise.all([prisma(database, ['migrate', 'deploy'], { copy }), prisma(database, ['migrate', 'deploy'], { copy })]);
      // The engine holds a PostgreSQL advisory lock for the whole deploy: the second waits for it
      // (up to 10 s, then P1002), then finds nothing left to apply.
      for (const result of results) assertExit(result, 0);
      assert.equal(results.filter((result) => /All migrations have been successfully applied/.test(result.stdout)).length, 1);
      assert.equal(results.filter((result) => /No pending migrations to apply/.test(result.stdout)).length, 1);
      const rows = await history(database);
      assert.deepEqual(rows.map((row) => row.migration_name).sort(), await copy.migrationNames(), 'one row per migration');
      assert.ok(rows.every((row) => row.finished_at !== null));
    });

    it('a migration waiting for a lock gives up after MIGRATION_LOCK_TIMEOUT instead of queueing', async () => {
      const name = '20990102000000_add_needs_lock';
      await copy.addMigration(name, 'ALTER TABLE "patients" ADD COLUMN "needs_lock" INTEGER;');
      const blocker = new pg.Client({ connectionString: database.url });
      await blocker.connect();
      // How long the migration's statement waits for its lock, as the server sees it.
      let firstSeen: number | undefined;
      let lastSeen: number | undefined;
      let watching = true;
      const watch = (async () => {
        while (watching) {
          const waiting = await query(
            database.url,
            "SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE '%needs_lock%'",
          );
          if (waiting.length) {
            firstSeen ??= Date.now();
            lastSeen = Date.now();
          }
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      })();
      let result: PrismaCliResult;
      try {
        // An open transaction that has read the table holds a lock ALTER TABLE must wait for.
        await blocker.query('BEGIN');
        await blocker.query('SELECT count(*) FROM "patients"');
        result = await prisma(database, ['migrate', 'deploy'], { copy, env: { MIGRATION_LOCK_TIMEOUT: '700ms' } });
      } finally {
        watching = false;
        await watch;
        await blocker.query('ROLLBACK').catch(() => undefined);
        await blocker.end();
      }
      // The deploy returned while the blocking transaction was still open: it did not queue.
      assertExit(result, 1);
      assert.match(text(result), /P3018/);
      assert.match(text(result), /Database error code: 55P03/);
      assert.match(text(result), /canceling statement due to lock timeout/);
      assert.ok(firstSeen !== undefined && lastSeen !== undefined, 'the statement was seen waiting for its lock');
      assert.ok(lastSeen - firstSeen < 5_000, `waited ${lastSeen - firstSeen} ms (MIGRATION_LOCK_TIMEOUT 700ms, default 10s)`);
      assert.equal(await columnExists(database, 'patients', 'needs_lock'), false);
      const row = (await history(database)).find((one) => one.migration_name === name);
      assert.equal(row?.finished_at, null, 'recorded as failed');
    });
  });
});

describe('afterwards', () => {
  it('no prisma_migrate_shadow_db_* database is left behind', { skip: onlyOnServer('PGlite cannot host a shadow database: the suite gives it a second instance') }, async () => {
    // Other suites may be using a shadow database right now: only ours must be gone, and theirs
    // are gone a moment later too. So: none new may remain after a short wait.
    let left: string[] = [];
    for (let attempt = 0; attempt < 20; attempt++) {
      left = (await shadowDatabases()).filter((name) => !shadowDatabasesBefore.includes(name));
      if (left.length === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    assert.deepEqual(left, []);
  });
});
