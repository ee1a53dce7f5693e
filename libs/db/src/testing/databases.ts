// Each suite's own databases, from what tools/test/run-tests.mjs prepared for the run (test-run.ts).
import { readFile } from 'node:fs/promises';
import type { DbOptions } from '../client.js';
import { startEmbeddedPostgres } from '../embedded/embedded-postgres.js';
import { APPLICATION_ROLE } from '../roles.js';
import { testsUseServer } from './mode.js';
import { createDatabase, databaseUrl, dropDatabase, loginUrl, uniqueName } from './server.js';

export interface TestDatabase {
  /**
   * The owner of the tables: what migrations, DDL, and fixtures written as the seeds write use.
   * The triggers that guard signed records and the audit trail refuse it too.
   */
  url: string;
  /** Connections for `url`: an embedded PostgreSQL takes exactly one, a server several. */
  poolSize: number;
  /** How the API connects: as a member of clinic_app, which may read and write rows only. */
  app: DbOptions;
  /** A second, empty database for Prisma's shadow database where the server cannot create one. */
  shadowUrl?: string;
  drop(): Promise<void>;
}

const NOT_PREPARED = 'is not set: run tests through `npm test` or `node tools/test/run-tests.mjs <project>`';

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} ${NOT_PREPARED}`);
  return value;
}

async function serverDatabase(template?: string): Promise<TestDatabase> {
  const serverUrl = process.env.DATABASE_URL!;
  const app = { user: required('TEST_APP_LOGIN'), password: required('TEST_APP_PASSWORD') };
  const name = uniqueName('test');
  await createDatabase(serverUrl, name, template);
  const url = databaseUrl(serverUrl, name);
  return {
    url,
    poolSize: 10,
    app: { databaseUrl: loginUrl(url, app.user, app.password), poolSize: 10 },
    drop: () => dropDatabase(serverUrl, name).then(() => undefined),
  };
}

/**
 * PGlite ignores the user a connection names: the API's connections take the application role
 * instead (DbOptions.assumeRole, see embedded/assumed-role.ts for how strong that is).
 */
async function embeddedDatabase(templateDump?: string): Promise<TestDatabase> {
  const loadFrom = templateDump ? new Blob([await readFile(templateDump)]) : undefined;
  const main = await startEmbeddedPostgres({ loadFrom });
  const shadow = await startEmbeddedPostgres();
  return {
    url: main.url,
    poolSize: 1,
    app: { databaseUrl: main.url, poolSize: 1, assumeRole: APPLICATION_ROLE },
    shadowUrl: shadow.url,
    drop: async () => {
      await main.stop();
      await shadow.stop();
    },
  };
}

/** A database with every migration applied, for this suite alone. */
export async function createTestDatabase(): Promise<TestDatabase> {
  return testsUseServer() ? serverDatabase(required('TEST_TEMPLATE_DATABASE')) : embeddedDatabase(required('TEST_TEMPLATE_DUMP'));
}

/**
 * An empty database (no migrations), for tests of the migration workflow itself. Its `app`
 * connection works once the migrations have created the application role's grants.
 */
export function createEmptyDatabase(): Promise<TestDatabase> {
  return testsUseServer() ? serverDatabase() : embeddedDatabase();
}
