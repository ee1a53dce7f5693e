import path from 'node:path';
import type { Logger } from '@nestjs/common';
import { APPLICATION_ROLE, connectionPrivileges, createPrismaClient, deployMigrations, startEmbeddedPostgres } from '@clinic/db';
import type { AppConfig } from '../config/app-config.js';

export interface StartupDatabase {
  url: string;
  /** The role the API's connections take: only on the embedded PostgreSQL (DbOptions.assumeRole). */
  assumeRole?: string;
  stop(): Promise<void>;
}

/**
 * The database the API serves from. With DATABASE_URL it is that server, migrated by the release
 * step (`nx run db:migrate`, as the owner at MIGRATION_DATABASE_URL), never by the API itself,
 * which should connect as a member of clinic_app. Without it, a newcomer gets an embedded
 * PostgreSQL in a git-ignored folder, migrated on every start and seeded with development data
 * while it is empty, both as its superuser; the API then serves as clinic_app there too.
 */
export async function openStartupDatabase(config: AppConfig, logger: Logger): Promise<StartupDatabase> {
  if (config.databaseUrl) {
    await warnWhenOverPrivileged(config.databaseUrl, logger);
    return { url: config.databaseUrl, stop: async () => undefined };
  }

  const dataDir = path.resolve(config.embeddedDataDir);
  logger.log(`No DATABASE_URL: starting the embedded PostgreSQL in ${dataDir}`);
  const embedded = await startEmbeddedPostgres({ dataDir });
  try {
    await deployMigrations(embedded.url);
    logger.log('Migrations applied');
    if (config.seedOnFirstStart) await seedWhenEmpty(embedded.url, logger);
  } catch (error) {
    await embedded.stop();
    throw error;
  }
  // PGlite ignores the login: the API's connections take the role for each use instead, which
  // makes it meet the role's grants (a guard against mistakes, not a security boundary: see
  // libs/db/src/embedded/assumed-role.ts).
  logger.log(`Serving as the database role ${APPLICATION_ROLE}`);
  return { ...embedded, assumeRole: APPLICATION_ROLE };
}

async function seedWhenEmpty(databaseUrl: string, logger: Logger): Promise<void> {
  // Loaded only here: a server-backed API never carries the seed code.
  const { isDatabaseEmpty, seedDatabase } = await import('@clinic/db/seed');
  const prisma = createPrismaClient({ databaseUrl, poolSize: 1 });
  try {
    if (!(await isDatabaseEmpty(prisma))) return;
    logger.log('New database: seeding development data');
    await seedDatabase(prisma, 'development', { log: (line: string) => logger.log(line) });
  } finally {
    await prisma.$disconnect();
  }
}

/**
 * A deployment with one URL for migrating and serving works, but then the API could alter the
 * tables and switch the audit trail's guards off: it says so at every start. A database that
 * does not answer yet is left to /health/ready.
 */
async function warnWhenOverPrivileged(databaseUrl: string, logger: Logger): Promise<void> {
  const privileges = await connectionPrivileges(databaseUrl).catch(() => undefined);
  if (!privileges || (!privileges.superuser && !privileges.ownsTables)) return;
  logger.warn(
    `The API connects to the database as ${privileges.role}, which ${privileges.superuser ? 'is a superuser' : 'owns the tables'}: ` +
      `it could change the schema and switch off the audit trail's guards. Give DATABASE_URL a login in ${APPLICATION_ROLE}, ` +
      'and the owner to MIGRATION_DATABASE_URL (README, "Database roles").',
  );
}
