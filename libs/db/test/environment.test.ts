// The environment mark the seeds write, and the guard that destructive commands go through.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { assertMayDestroyData, DestructiveCommandRefused, readDatabaseStanding, takeConfirmation } from '../src/environment/index.js';
import { createPrismaClient, type PrismaClient } from '../src/index.js';
import { SeedRefused, type SeedRefusalReason, seedDatabase } from '../src/seed/index.js';
import { createTestDatabase, executeSql as execute, type TestDatabase } from '../src/testing/index.js';

const STRONG_PASSWORD = 'Granite-Orbit-Willow-83';
const PRODUCTION_ENV = { SEED_ADMIN_EMAIL: 'director@clinic.example.org', SEED_ADMIN_PASSWORD: STRONG_PASSWORD };

function refusedFor(reason: SeedRefusalReason): (error: unknown) => boolean {
  return (error) => error instanceof SeedRefused && error.reason === reason;
}

describe('a database marked production', () => {
  let database: TestDatabase;
  let prisma: PrismaClient;

  before(async () => {
    database = await createTestDatabase();
    prisma = createPrismaClient({ databaseUrl: database.url, poolSize: 1 });
    await seedDatabase(prisma, 'production', { env: PRODUCTION_ENV });
  });
  after(async () => {
    await prisma?.$disconnect();
    await database?.drop();
  });

  it('is read back as production, holding tables', async () => {
    const standing = await readDatabaseStanding(database.url);
    assert.equal(standing.environment, 'production');
    assert.equal(standing.holdsTables, true);
  });

  it('refuses a destructive command, naming the database and the confirmation that would let it run', async () => {
    const { database: name } = await readDatabaseStanding(database.url);
    await assert.rejects(assertMayDestroyData(database.url, 'nx run db:migrate-reset'), (error: unknown) => {
      assert.ok(error instanceof DestructiveCommandRefused);
      assert.match(error.message, /^nx run db:migrate-reset would drop data in database ".+" on .+, which is marked production\./);
      assert.ok(error.message.includes(`--i-know-this-is-${name}`), error.message);
      return true;
    });
  });

  it('refuses a confirmation that names another database, and accepts the right one', async () => {
    const { database: name } = await readDatabaseStanding(database.url);
    await assert.rejects(assertMayDestroyData(database.url, 'restore', 'clinic_dev'), /names "clinic_dev"/);
    assert.equal((await assertMayDestroyData(database.url, 'restore', name)).environment, 'production');
  });

  it('takes no development or staging data', async () => {
    await assert.rejects(seedDatabase(prisma, 'development', { env: {} }), refusedFor('marked-for-another-environment'));
    await assert.rejects(seedDatabase(prisma, 'staging', { env: {} }), refusedFor('marked-for-another-environment'));
  });
});

describe('a database seeded for development', () => {
  let database: TestDatabase;
  let prisma: PrismaClient;

  before(async () => {
    database = await createTestDatabase();
    prisma = createPrismaClient({ databaseUrl: database.url, poolSize: 1 });
    await seedDatabase(prisma, 'staging', { env: {} });
  });
  after(async () => {
    await prisma?.$disconnect();
    await database?.drop();
  });

  it('lets destructive commands run without a confirmation only when marked development', async () => {
    // A staging mark is not development: the guard still asks.
    await assert.rejects(assertMayDestroyData(database.url, 'reset'), DestructiveCommandRefused);
    await execute(database.url, `UPDATE database_environment SET environment = 'development'`);
    assert.equal((await assertMayDestroyData(database.url, 'reset')).environment, 'development');
  });
});

describe('a database without a mark', () => {
  let database: TestDatabase;
  let prisma: PrismaClient;

  before(async () => {
    database = await createTestDatabase();
    prisma = createPrismaClient({ databaseUrl: database.url, poolSize: 1 });
    // A clinic's data from before the mark existed.
    await execute(
      database.url,
      `INSERT INTO patients ("firstName", "lastName", "dateOfBirth", sex, phone, "emergencyContactName", "emergencyContactPhone", "updatedAt")
       VALUES ('Ada', 'Quill', '1970-01-01', 'female', '555-0100', 'Bo Quill', '555-0101', now())`,
    );
  });
  after(async () => {
    await prisma?.$disconnect();
    await database?.drop();
  });

  it('is refused by destructive commands and by the development seed', async () => {
    await assert.rejects(assertMayDestroyData(database.url, 'reset'), /carries no environment mark/);
    await assert.rejects(seedDatabase(prisma, 'development', { env: {} }), refusedFor('unmarked-database'));
  });

  it('is allowed to take its production mark', async () => {
    await seedDatabase(prisma, 'production', { env: PRODUCTION_ENV });
    assert.equal((await readDatabaseStanding(database.url)).environment, 'production');
  });
});

describe('a database with no tables', () => {
  let database: TestDatabase;

  before(async () => {
    database = await createTestDatabase();
    await execute(database.url, 'DROP SCHEMA public CASCADE; CREATE SCHEMA public');
  });
  after(async () => database?.drop());

  it('has nothing to lose: destructive commands run', async () => {
    const standing = await assertMayDestroyData(database.url, 'reset');
    assert.equal(standing.holdsTables, false);
    assert.equal(standing.environment, null);
  });
});

describe('takeConfirmation', () => {
  it('splits the confirmation off the arguments', () => {
    assert.deepEqual(takeConfirmation(['--dump', 'x.dump', '--i-know-this-is-clinic', '--force']), {
      args: ['--dump', 'x.dump', '--force'],
      confirmation: 'clinic',
    });
    assert.deepEqual(takeConfirmation(['--dry-run']), { args: ['--dry-run'], confirmation: undefined });
  });
});
