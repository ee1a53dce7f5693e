// Databases for test suites. `tools/test/run-tests.mjs` prepares a migrated template once per
// run and passes it here through the environment; each suite then gets a database of its own.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { startEmbeddedPostgres } from '../embedded/embedded-postgres.js';

export interface TestDatabase {
  url: string;
  /** A second, empty database for Prisma's shadow database where the server cannot create one. */
  shadowUrl?: string;
  /**
   * Connections a client may open: an embedded PostgreSQL is one backend session, where the
   * transactions of several connections would interleave, so it takes exactly one.
   */
  poolSize: number;
  drop(): Promise<void>;
}

function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

function uniqueName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
}

async function onServer<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function embeddedMode(): boolean {
  return !process.env.DATABASE_URL || process.env.TEST_EMBEDDED === '1';
}

async function serverDatabase(template?: string): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL!;
  const name = uniqueName('test');
  await onServer(serverUrl, (client) =>
    client.query(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`),
  );
  return {
    url: databaseUrl(serverUrl, name),
    poolSize: 10,
    drop: () => onServer(serverUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)).then(() => undefined),
  };
}

async function embeddedDatabase(templateDump?: string): Promise<TestDatabase> {
  const loadFrom = templateDump ? new Blob([await readFile(templateDump)]) : undefined;
  const main = await startEmbeddedPostgres({ loadFrom });
  const shadow = await startEmbeddedPostgres();
  return {
    url: main.url,
    shadowUrl: shadow.url,
    poolSize: 1,
    drop: async () => {
      await main.stop();
      await shadow.stop();
    },
  };
}

/** A database with every migration applied, for this suite alone. */
export function createTestDatabase(): Promise<TestDatabase> {
  if (embeddedMode()) {
    const dump = process.env.TEST_TEMPLATE_DUMP;
    if (!dump) throw new Error('TEST_TEMPLATE_DUMP is not set: run tests through `npm test` (tools/test/run-tests.mjs)');
    return embeddedDatabase(dump);
  }
  const template = process.env.TEST_TEMPLATE_DATABASE;
  if (!template) throw new Error('TEST_TEMPLATE_DATABASE is not set: run tests through `npm test` (tools/test/run-tests.mjs)');
  return serverDatabase(template);
}

/** An empty database (no migrations), for tests of the migration workflow itself. */
export function createEmptyDatabase(): Promise<TestDatabase> {
  return embeddedMode() ? embeddedDatabase() : serverDatabase();
}

/** Runs SQL (one statement or several) on a database, outside any application: a test's set-up. */
export async function executeSql(url: string, sql: string): Promise<void> {
  await onServer(url, (client) => client.query(sql));
}
