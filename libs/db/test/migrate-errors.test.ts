// Connection failures through the offline schema engine come back as Prisma's own codes, as
// with the native engine, on both of the engine's paths: the `cli …` commands (migrate status)
// and the JSON-RPC requests (migrate diff, db execute). A failure must never end with exit 0.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, it } from 'node:test';
import { startEmbeddedPostgres } from '../src/embedded/embedded-postgres.js';
import { type PrismaCliResult, runPrismaCli } from '../src/prisma-cli.js';
import { executeSql, testsUseServer } from '../src/testing/index.js';
import { workspaceRoot } from '../src/workspace.js';

const embedded = !testsUseServer();

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function text(result: PrismaCliResult): string {
  return `${result.stdout}\n${result.stderr}`;
}

function missingDatabaseUrl(): string {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/no_such_database_${process.pid}`;
  return url.toString();
}

describe('errors from the offline schema engine', { concurrency: true }, () => {
  it('migrate status on a closed port: P1001', async () => {
    const port = await closedPort();
    const result = await runPrismaCli(['migrate', 'status'], { DATABASE_URL: `postgresql://postgres@127.0.0.1:${port}/clinic` });
    assert.equal(result.exitCode, 1, text(result));
    assert.match(result.stderr, /P1001/);
    assert.match(result.stderr, new RegExp(`Can't reach database server at \`127.0.0.1:${port}\``));
  });

  it('migrate diff against a closed port: P1001, never a silent exit 0', async () => {
    const port = await closedPort();
    const result = await runPrismaCli(
      ['migrate', 'diff', '--from-migrations', 'prisma/migrations', '--to-config-datasource', '--exit-code'],
      { DATABASE_URL: `postgresql://postgres@127.0.0.1:${port}/clinic` },
    );
    assert.equal(result.exitCode, 1, text(result));
    assert.match(result.stderr, /P1001/);
  });

  const dotEnv = existsSync(path.join(workspaceRoot(), '.env')) && 'prisma.config.ts reads DATABASE_URL from .env';
  it('migrate diff without any database url: an error naming DATABASE_URL, never a silent exit 0', { skip: dotEnv }, async () => {
    const result = await runPrismaCli(['migrate', 'diff', '--from-migrations', 'prisma/migrations', '--to-schema', 'prisma/schema.prisma', '--exit-code'], {
      DATABASE_URL: undefined,
      SHADOW_DATABASE_URL: undefined,
    });
    assert.equal(result.exitCode, 1, text(result));
    assert.match(result.stderr, /DATABASE_URL/);
  });

  it('migrate status on a database that does not exist: P1003', { skip: embedded && 'PGlite serves one database under any name' }, async () => {
    const result = await runPrismaCli(['migrate', 'status'], { DATABASE_URL: missingDatabaseUrl() });
    assert.equal(result.exitCode, 1, text(result));
    assert.match(result.stderr, /P1003/);
    assert.match(result.stderr, /Database `no_such_database_\d+` does not exist/);
  });

  it('migrate diff from a database that does not exist: P1003', { skip: embedded && 'PGlite serves one database under any name' }, async () => {
    const result = await runPrismaCli(['migrate', 'diff', '--from-config-datasource', '--to-schema', 'prisma/schema.prisma', '--exit-code'], {
      DATABASE_URL: missingDatabaseUrl(),
    });
    assert.equal(result.exitCode, 1, text(result));
    assert.match(result.stderr, /P1003/);
  });
});

// Reading the migrations (migrate dev, migrate diff --from-migrations, db:drift) needs a shadow
// database. When there is none to be had, the error is one line that names the fix, never the
// engine's "Failed to connect to the shadow database / External error id#0".
const READ_MIGRATIONS = ['migrate', 'diff', '--from-migrations', 'prisma/migrations', '--to-schema', 'prisma/schema.prisma', '--exit-code'];

/** The CLI's message: the lines after "Error: Pxxxx", blank lines dropped. */
function errorLines(result: PrismaCliResult): string[] {
  const after = result.stderr.split(/^Error: P\d{4}$/m)[1] ?? '';
  return after.split('\n').filter((line) => line.trim());
}

async function onServer(sql: string[]): Promise<void> {
  for (const statement of sql) await executeSql(process.env.DATABASE_URL!, statement);
}

describe('no shadow database to be had', { concurrency: true }, () => {
  it('a role without CREATEDB: P3014 in one line, naming SHADOW_DATABASE_URL', { skip: embedded && 'needs a PostgreSQL server where roles can differ' }, async () => {
    const name = `migrate_nocreatedb_${process.pid}_${Date.now().toString(36)}`;
    await onServer([`CREATE ROLE "${name}" LOGIN NOCREATEDB`, `CREATE DATABASE "${name}" OWNER "${name}"`]);
    try {
      const url = new URL(process.env.DATABASE_URL!);
      url.username = name;
      url.password = '';
      url.pathname = `/${name}`;
      const result = await runPrismaCli(READ_MIGRATIONS, { DATABASE_URL: url.toString(), SHADOW_DATABASE_URL: undefined });
      assert.equal(result.exitCode, 1, text(result));
      assert.match(result.stderr, /^Error: P3014$/m);
      assert.deepEqual(errorLines(result), [
        `Prisma Migrate needs a shadow database, and role "${name}" may not create one (no CREATEDB right): set SHADOW_DATABASE_URL to an empty database it may use (docs/migrations.md), or grant it CREATEDB.`,
      ]);
      assert.doesNotMatch(text(result), /External error|schema_engine_wasm/);
    } finally {
      await onServer([`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`, `DROP ROLE IF EXISTS "${name}"`]);
    }
  });

  it('SHADOW_DATABASE_URL naming a database that does not exist: one line naming it', { skip: embedded && 'PGlite serves one database under any name' }, async () => {
    const result = await runPrismaCli(READ_MIGRATIONS, { SHADOW_DATABASE_URL: missingDatabaseUrl() });
    assert.equal(result.exitCode, 1, text(result));
    assert.match(result.stderr, /^Error: P1003$/m);
    const [line, ...rest] = errorLines(result);
    assert.match(line, /^The shadow database SHADOW_DATABASE_URL names \("no_such_database_\d+" on [^)]+\) does not exist: create it \(empty\), or correct SHADOW_DATABASE_URL\.$/);
    assert.deepEqual(rest, []);
  });

  it('the embedded PostgreSQL, which cannot host one: P3014 in one line, not a replay into the main database', async () => {
    const main = await startEmbeddedPostgres();
    try {
      const result = await runPrismaCli(READ_MIGRATIONS, { DATABASE_URL: main.url, SHADOW_DATABASE_URL: undefined });
      assert.equal(result.exitCode, 1, text(result));
      assert.deepEqual(errorLines(result), [
        `The server at ${new URL(main.url).host} cannot host a shadow database (it serves one database under every name, as the embedded PostgreSQL does): set SHADOW_DATABASE_URL to a second, empty database.`,
      ]);
    } finally {
      await main.stop();
    }
  });
});
