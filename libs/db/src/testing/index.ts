// Test databases, one way for every project: tools/test/run-tests.mjs prepares a run
// (prepareTestRun: a migrated template, and a login for the application role), and each suite
// then gets databases of its own (createTestDatabase, createEmptyDatabase), with an owner
// connection for fixtures and DDL and an application-role connection for the API.
import { onServer } from './server.js';

export { createEmptyDatabase, createTestDatabase, type TestDatabase } from './databases.js';
export { testsUseServer } from './mode.js';
export { prepareTestRun, type TestRun } from './test-run.js';

/** Runs SQL (one statement or several) on a database, outside any application: a test's set-up. */
export async function executeSql(url: string, sql: string): Promise<void> {
  await onServer(url, (client) => client.query(sql));
}
