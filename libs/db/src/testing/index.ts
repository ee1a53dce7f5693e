// Test databases, one way for every project: tools/test/run-tests.mjs prepares a run
// (prepareTestRun: a migrated template, and a login for the application role), and each suite
// then gets databases of its own (createTestDatabase, createEmptyDatabase), with an owner
// connection for fixtures and DDL and an application-role connection for the API.
export { createEmptyDatabase, createTestDatabase, type TestDatabase } from './databases.js';
export { testsUseServer } from './mode.js';
export { prepareTestRun, type TestRun } from './test-run.js';
