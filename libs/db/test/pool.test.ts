// The pool's kept connections (DbOptions.poolMinIdle): after a burst, the connections beyond the
// kept ones close when idle, the kept ones stay open however long they wait, and a process whose
// only handles are kept connections can still end.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { createPrismaClient, type PrismaClient } from '../src/index.js';
import { createTestDatabase, type TestDatabase, testsUseServer } from '../src/testing/index.js';

const SERVER_ONLY = testsUseServer() ? false : 'needs a PostgreSQL server: PGlite is one session';
const IDLE_MS = 1_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('kept idle connections', { skip: SERVER_ONLY }, () => {
  let database: TestDatabase;
  let observer: pg.Client;

  before(async () => {
    database = await createTestDatabase();
    observer = new pg.Client({ connectionString: database.url });
    await observer.connect();
  });
  after(async () => {
    await observer?.end();
    await database?.drop();
  });

  /** Connections of this database open under `name`, as PostgreSQL lists them. */
  async function openUnder(name: string): Promise<number> {
    const { rows } = await observer.query<{ open: number }>('SELECT count(*)::int AS "open" FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1', [name]);
    return rows[0]!.open;
  }

  /** Four statements at once (four connections), then longer than the idle timeout with nothing to do. */
  async function burstThenIdle(prisma: PrismaClient): Promise<void> {
    await Promise.all(Array.from({ length: 4 }, () => prisma.$queryRaw`SELECT 1 AS "slept" FROM pg_sleep(0.2)`));
    await sleep(IDLE_MS * 2.5);
  }

  it('keeps poolMinIdle connections open past the idle timeout and closes the others', async () => {
    const name = `kept-${randomBytes(4).toString('hex')}`;
    const prisma = createPrismaClient({ ...database.app, poolSize: 4, poolMinIdle: 2, idleTimeoutMs: IDLE_MS, applicationName: name });
    try {
      await burstThenIdle(prisma);
      assert.equal(await openUnder(name), 2);
      // A kept connection answers at once: no connection to open.
      assert.deepEqual(await prisma.$queryRaw`SELECT 1 AS "one"`, [{ one: 1 }]);
      assert.equal(await openUnder(name), 2);
    } finally {
      await prisma.$disconnect();
    }
  });

  it('closes every idle connection without poolMinIdle, and keeps at most poolSize', async () => {
    const none = `none-${randomBytes(4).toString('hex')}`;
    const withoutKept = createPrismaClient({ ...database.app, poolSize: 4, idleTimeoutMs: IDLE_MS, applicationName: none });
    const small = `small-${randomBytes(4).toString('hex')}`;
    const moreThanPool = createPrismaClient({ ...database.app, poolSize: 1, poolMinIdle: 3, idleTimeoutMs: IDLE_MS, applicationName: small });
    try {
      await Promise.all([burstThenIdle(withoutKept), burstThenIdle(moreThanPool)]);
      assert.equal(await openUnder(none), 0);
      assert.equal(await openUnder(small), 1);
    } finally {
      await withoutKept.$disconnect();
      await moreThanPool.$disconnect();
    }
  });

  it('lets a process end whose only handles are kept connections', async () => {
    // A script that queries and never disconnects: before kept connections it ended once its
    // connection timed out; a kept connection has no timer, and must not hold the process forever.
    const script = `
      import { createPrismaClient } from '@clinic/db';
      const prisma = createPrismaClient({ ...JSON.parse(process.argv[1]), poolMinIdle: 1, idleTimeoutMs: 60000 });
      await prisma.$queryRaw\`SELECT 1\`;
      console.log('queried');`;
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(database.app)], { timeout: 20_000 });
    assert.equal(stdout.trim(), 'queried');
  });
});
