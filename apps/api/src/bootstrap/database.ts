import path from 'node:path';
import type { Logger } from '@nestjs/common';
import { createPrismaClient, deployMigrations, startEmbeddedPostgres } from '@clinic/db';
import type { AppConfig } from '../config/app-config.js';

export interface StartupDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * The database the API serves from. With DATABASE_URL it is that server, migrated by the release
 * step (`nx run db:migrate`), never by the API itself. Without it, a newcomer gets an embedded
 * PostgreSQL in a git-ignored folder, migrated on every start and seeded with development data
 * while it is empty.
 */
export async function openStartupDatabase(config: AppConfig, logger: Logger): Promise<StartupDatabase> {
  if (config.databaseUrl) return { url: config.databaseUrl, stop: async () => undefined };

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
  return embedded;
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
