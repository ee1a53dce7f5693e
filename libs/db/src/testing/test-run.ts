// What a test run prepares once, before its suites start (tools/test/run-tests.mjs): a migrated
// template, and on a server a login for the application role. The suites find both through the
// environment this returns (see databases.ts).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { startEmbeddedPostgres } from '../embedded/embedded-postgres.js';
import { deployMigrations } from '../prisma-cli.js';
import { APPLICATION_ROLE, quoteRole } from '../roles.js';
import { testsUseServer } from './mode.js';
import { createDatabase, databaseUrl, dropDatabase, onServer, uniqueName } from './server.js';

export interface TestRun {
  /** The suites' environment: this process's, plus what they need to find their databases. */
  env: NodeJS.ProcessEnv;
  cleanup(): Promise<void>;
}

/**
 * A server run migrates one template database, which each suite clones, as DATABASE_URL's user
 * (the owner of the tables; it must be allowed to create databases and roles), and creates a
 * login in clinic_app for the run, dropped at the end. Roles are server-wide and runs may overlap,
 * so each run has its own.
 */
async function prepareOnServer(serverUrl: string): Promise<TestRun> {
  const template = uniqueName('test_template');
  const login = uniqueName('clinic_test_api');
  const password = randomBytes(18).toString('hex');
  const cleanup = async () => {
    await dropDatabase(serverUrl, template);
    await onServer(serverUrl, (client) => client.query(`DROP ROLE IF EXISTS ${quoteRole(login)}`));
  };
  try {
    await createDatabase(serverUrl, template);
    await deployMigrations(databaseUrl(serverUrl, template));
    await onServer(serverUrl, (client) => client.query(`CREATE ROLE ${quoteRole(login)} LOGIN PASSWORD '${password}' IN ROLE ${quoteRole(APPLICATION_ROLE)}`));
  } catch (error) {
    await cleanup();
    throw error;
  }
  const env: NodeJS.ProcessEnv = { ...process.env, TEST_TEMPLATE_DATABASE: template, TEST_APP_LOGIN: login, TEST_APP_PASSWORD: password };
  delete env.MIGRATION_DATABASE_URL;
  return { env, cleanup };
}

/** An embedded run migrates one instance and dumps it; each suite starts its own from the dump. */
async function prepareEmbedded(): Promise<TestRun> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'clinic-test-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  try {
    const embedded = await startEmbeddedPostgres();
    try {
      await deployMigrations(embedded.url);
      const dump = path.join(dir, 'template.tar.gz');
      await writeFile(dump, Buffer.from(await (await embedded.dump()).arrayBuffer()));
      const env: NodeJS.ProcessEnv = { ...process.env, TEST_TEMPLATE_DUMP: dump };
      // Nothing in the suites may reach the server by mistake (TEST_EMBEDDED=1 with DATABASE_URL set).
      delete env.DATABASE_URL;
      delete env.MIGRATION_DATABASE_URL;
      return { env, cleanup };
    } finally {
      await embedded.stop();
    }
  } catch (error) {
    await cleanup();
    throw error;
  }
}

export function prepareTestRun(): Promise<TestRun> {
  return testsUseServer() ? prepareOnServer(process.env.DATABASE_URL!) : prepareEmbedded();
}
