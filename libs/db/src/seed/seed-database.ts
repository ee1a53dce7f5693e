import type { PrismaClient } from '../generated/prisma/client.js';
import { type InsertedRows, SEEDED_TABLES } from './dataset.js';
import { parseSeedEnvironment, type SeedEnvironment } from './environments.js';
import { SeedRefused } from './errors.js';
import { countOf, type SeedLog, silentLog } from './progress.js';
import type { TierContext } from './tiers/context.js';
import { seedDevelopment } from './tiers/development.js';
import { seedProduction } from './tiers/production.js';
import { seedStaging } from './tiers/staging.js';

export interface SeedOptions {
  /** Progress lines ("patients 200/200"); silent when absent. */
  log?: SeedLog;
  /** Where SEED_ADMIN_EMAIL and friends are read; process.env when absent. */
  env?: Readonly<Record<string, string | undefined>>;
}

export interface SeedSummary {
  environment: SeedEnvironment;
  /** Rows this run added per table: all zero when the data was already there. */
  inserted: InsertedRows;
  durationMs: number;
}

const TIERS: Record<SeedEnvironment, (prisma: PrismaClient, context: TierContext) => Promise<InsertedRows>> = {
  development: seedDevelopment,
  staging: seedStaging,
  production: seedProduction,
};

/**
 * Seeds one environment's data. Safe to repeat: rows that exist are left as they are, so a second
 * run inserts nothing. Throws `SeedRefused` (having written nothing) when its inputs are unusable.
 */
export async function seedDatabase(prisma: PrismaClient, environment: SeedEnvironment, options: SeedOptions = {}): Promise<SeedSummary> {
  const tier = parseSeedEnvironment(environment);
  const log = options.log ?? silentLog;
  const started = performance.now();
  await assertDatabaseTakes(prisma, tier);
  const inserted = await TIERS[tier](prisma, { log, env: options.env ?? process.env });
  // The mark is what lets destructive commands run on a development database without a
  // confirmation (@clinic/db/environment); a second run leaves it as it was.
  await prisma.databaseEnvironment.upsert({ where: { id: 1 }, create: { environment: tier }, update: {} });
  return { environment: tier, inserted, durationMs: Math.round(performance.now() - started) };
}

/**
 * One tier per database: a database marked for another tier is refused, and development data
 * goes only into an empty or development database. A database that holds providers or patients
 * but no mark may be a clinic's, seeded before the mark existed: synthetic patients there would
 * mix with real ones, and the development mark would then unlock the destructive commands.
 */
async function assertDatabaseTakes(prisma: PrismaClient, tier: SeedEnvironment): Promise<void> {
  const mark = await prisma.databaseEnvironment.findUnique({ where: { id: 1 }, select: { environment: true } });
  if (mark && mark.environment !== tier) {
    throw new SeedRefused('marked-for-another-environment', `this database is marked ${mark.environment}: ${tier} data does not go into it (use a database of its own)`);
  }
  if (!mark && tier === 'development' && !(await isDatabaseEmpty(prisma))) {
    throw new SeedRefused(
      'unmarked-database',
      'this database already holds providers or patients but no environment mark: development data goes only into an empty or a development database',
    );
  }
}

/** True when the database holds no providers and no patients: a fresh install. */
export async function isDatabaseEmpty(prisma: PrismaClient): Promise<boolean> {
  const [provider, patient] = await Promise.all([
    prisma.provider.findFirst({ select: { id: true } }),
    prisma.patient.findFirst({ select: { id: true } }),
  ]);
  return provider === null && patient === null;
}

/** One line for humans: "Seeded development in 1.9 s: 6 providers, 200 patients, …". */
export function describeSeedSummary(summary: SeedSummary): string {
  const seconds = (summary.durationMs / 1000).toFixed(1);
  const added = SEEDED_TABLES.filter((table) => summary.inserted[table] > 0).map((table) => countOf(table, summary.inserted[table]));
  if (added.length === 0) return `Seeded ${summary.environment} in ${seconds} s: nothing to add, every row was already there`;
  return `Seeded ${summary.environment} in ${seconds} s: added ${added.join(', ')}`;
}
