// Seeds the database at MIGRATION_DATABASE_URL (else DATABASE_URL) with one environment's data
// (docs/seeds.md). Seeding is part of a release, like migrating: it runs as the owner of the tables.
//   node --import tsx libs/db/prisma/seed.ts [--environment development|staging|production]
// Also run by `npx prisma db seed` and `nx run db:seed:<environment>` (Prisma 7's `migrate reset` no
// longer seeds: run `prisma db seed` after it).
// The environment comes from --environment, else SEED_ENVIRONMENT, else development.
import { parseArgs } from 'node:util';
import { createPrismaClient } from '../src/client.js';
import { readSchemaState } from '../src/migrations/index.js';
import { describeSeedSummary, parseSeedEnvironment, SeedRefused, type SeedEnvironment, seedDatabase } from '../src/seed/index.js';

/** An expected refusal: one line on stderr, no stack trace, exit code 1. */
function refuse(message: string): never {
  console.error(`seed refused: ${message}`);
  process.exit(1);
}

/** --environment, else SEED_ENVIRONMENT, else development. */
function chosenEnvironment(): SeedEnvironment {
  try {
    const { values } = parseArgs({ options: { environment: { type: 'string', short: 'e' } } });
    return parseSeedEnvironment(values.environment ?? process.env.SEED_ENVIRONMENT);
  } catch (error) {
    // parseArgs rejects unknown options with a TypeError: a usage mistake, not a crash.
    if (error instanceof SeedRefused || error instanceof TypeError) refuse(error.message);
    throw error;
  }
}

/** Seeds write every table of the schema: a database without all migrations would fail half-way. */
async function assertMigrated(databaseUrl: string): Promise<void> {
  let state;
  try {
    state = await readSchemaState(databaseUrl);
  } catch (error) {
    refuse(`cannot read the database's migrations (${error instanceof Error ? error.message : String(error)}): check DATABASE_URL`);
  }
  if (state.failed.length) {
    refuse(`migration ${state.failed[0]} failed and is not resolved: recover from it first (docs/migrations.md, "A deploy failed")`);
  }
  if (state.pending.length) {
    const what = state.applied.length === 0 ? 'the database is not migrated' : `${state.pending.length} migration(s) are not applied (the latest ${state.pending.at(-1)})`;
    refuse(`${what}: run nx run db:migrate first`);
  }
}

async function main(): Promise<void> {
  const environment = chosenEnvironment();
  const databaseUrl = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;
  if (!databaseUrl) refuse('DATABASE_URL is not set (nor MIGRATION_DATABASE_URL): point it at the database to seed');
  await assertMigrated(databaseUrl);

  // One connection: the embedded PostgreSQL serves a single session, and one is plenty here.
  const prisma = createPrismaClient({ databaseUrl, poolSize: 1 });
  let refusal: string | undefined;
  try {
    const summary = await seedDatabase(prisma, environment, { log: (line) => console.log(line), env: process.env });
    console.log(describeSeedSummary(summary));
  } catch (error) {
    if (!(error instanceof SeedRefused)) throw error;
    refusal = error.message;
  } finally {
    await prisma.$disconnect();
  }
  if (refusal) refuse(refusal);
}

await main();
