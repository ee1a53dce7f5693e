// The commands that drop data (db:migrate-reset, db:migrate-dev) go through the environment
// guard: a database seeded for staging survives them unless the operator names it. rollback
// --force and restore --force are tested with their tools (rollback.test.mjs, backup-restore.test.mjs).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createPrismaClient } from '@clinic/db';
import { seedDatabase } from '@clinic/db/seed';
import { createTestDatabase, dbEnv, query, runTool, scratchPrisma } from './test-support.mjs';

async function stagingDatabase() {
  const db = await createTestDatabase();
  const prisma = createPrismaClient({ databaseUrl: db.url, poolSize: db.poolSize });
  try {
    await seedDatabase(prisma, 'staging', { env: {} });
  } finally {
    await prisma.$disconnect();
  }
  const [{ name }] = await query(db, 'SELECT current_database() AS name');
  return { db, name };
}

const counts = async (db) => (await query(db, 'SELECT (SELECT count(*)::int FROM providers) AS providers, (SELECT count(*)::int FROM patients) AS patients, (SELECT environment FROM database_environment) AS environment'))[0];

describe('nx run db:migrate-reset', () => {
  it('leaves a staging database as it was, and names the confirmation that would let it run', async () => {
    const { db, name } = await stagingDatabase();
    try {
      const before = await counts(db);
      assert.equal(before.environment, 'staging');
      const refused = await runTool('migrate-reset.mjs', [], dbEnv(db));
      assert.equal(refused.code, 1, refused.output);
      assert.match(refused.stderr, new RegExp(`^migrate-reset refused: nx run db:migrate-reset would drop data in database "${name}" on [^,]+, which is marked staging\\.`));
      assert.ok(refused.stderr.includes(`run the command again with --i-know-this-is-${name}`), refused.stderr);
      assert.deepEqual(await counts(db), before);

      const wrongName = await runTool('migrate-reset.mjs', ['--i-know-this-is-clinic_dev'], dbEnv(db));
      assert.equal(wrongName.code, 1, wrongName.output);
      assert.match(wrongName.stderr, /The confirmation names "clinic_dev"/);
      assert.deepEqual(await counts(db), before);
    } finally {
      await db.drop();
    }
  });

  it('with the confirmation, empties it, replays the migrations and loads the development seed', async () => {
    const { db, name } = await stagingDatabase();
    try {
      const reset = await runTool('migrate-reset.mjs', [`--i-know-this-is-${name}`], dbEnv(db));
      assert.equal(reset.code, 0, reset.output);
      assert.match(reset.stdout, new RegExp(`resetting database "${name}" on \\S+ \\(confirmed by name\\)`));
      assert.deepEqual(await counts(db), { providers: 6, patients: 200, environment: 'development' });

      // Now marked development: the next reset needs no confirmation.
      await query(db, `UPDATE patients SET "firstName" = 'Changed' WHERE "firstName" <> 'Changed'`);
      const again = await runTool('migrate-reset.mjs', [], dbEnv(db));
      assert.equal(again.code, 0, again.output);
      assert.match(again.stdout, /\(marked development\)/);
      assert.equal((await query(db, `SELECT count(*)::int AS n FROM patients WHERE "firstName" = 'Changed'`))[0].n, 0);
    } finally {
      await db.drop();
    }
  });
});

describe('nx run db:migrate-dev', () => {
  it('explains itself without --name, and checks the name before running anything', async () => {
    const missing = await runTool('migrate-dev.mjs', [], { DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none' });
    assert.equal(missing.code, 2, missing.output);
    assert.equal(
      missing.stderr.trim(),
      'migrate-dev: a migration needs a name: --name=<verb>_<what>, the verb one of add_, remove_, update_, rename_, create_ (for example nx run db:migrate-dev --name=add_patient_middle_name); Prisma adds the timestamp',
    );
    const badName = await runTool('migrate-dev.mjs', ['--name', 'PatientNickname'], { DATABASE_URL: 'postgresql://nobody@127.0.0.1:1/none' });
    assert.equal(badName.code, 2, badName.output);
    assert.match(badName.stderr, /description "PatientNickname" must be snake_case/);
    assert.match(badName.stderr, /description must start with one of add_, remove_, update_, rename_, create_/);
  });

  it('leaves a staging database alone: migrate dev resets a database it finds drifted', async () => {
    const { db, name } = await stagingDatabase();
    // A scratch copy: were the guard to let it through, nothing is written into libs/db/prisma.
    const scratch = await scratchPrisma();
    try {
      const before = await counts(db);
      const refused = await runTool('migrate-dev.mjs', ['--name', 'add_patient_nickname', '--create-only', '--config', scratch.configPath], dbEnv(db));
      assert.equal(refused.code, 1, refused.output);
      assert.match(refused.stderr, /^migrate-dev refused: nx run db:migrate-dev would drop data in database .+, which is marked staging\./);
      assert.ok(refused.stderr.includes(`--i-know-this-is-${name}`), refused.stderr);
      assert.deepEqual(await counts(db), before);
    } finally {
      await scratch.cleanup();
      await db.drop();
    }
  });
});
