/**
 * Where tests get their databases: the PostgreSQL server at DATABASE_URL, or, without it or with
 * TEST_EMBEDDED=1, embedded PostgreSQL instances (PGlite). tools/test/run-tests.mjs decides once
 * per run and removes DATABASE_URL from the suites' environment in the embedded case, so every
 * suite, and anything it starts, agrees with it.
 */
export function testsUseServer(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.DATABASE_URL) && env.TEST_EMBEDDED !== '1';
}
