import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { ConsoleLogger, type DynamicModule, Logger, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DbModule } from '@clinic/db';
import type { ServingConfig } from './app.module.js';
import { ConfigInvalid, loadConfig } from './config/app-config.js';
import { ConfigModule } from './config/config.module.js';
import { ScribeModule } from './scribe/scribe.module.js';

/** The scribe's job queue, worked without the HTTP API: what `nx run api:worker` runs. */
@Module({})
class WorkerModule {
  static forRoot(config: ServingConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), DbModule.forRoot({ databaseUrl: config.databaseUrl, poolSize: config.databasePoolSize }), ScribeModule],
    };
  }
}

/**
 * A worker process for the AI scribe's jobs, beside APIs started with SCRIBE_WORKER=off (or as
 * well as inline ones: pg-boss hands each job to one worker). It reads the same configuration
 * as the API and needs a database server (DATABASE_URL): the embedded PostgreSQL lives inside one
 * API process and is not shared. On SIGINT or SIGTERM it stops taking jobs, lets the one in hand
 * finish (or hands it back for a retry), then exits.
 */
async function main(): Promise<void> {
  Logger.overrideLogger(new ConsoleLogger({ json: true }));
  const logger = new Logger('ScribeWorker');
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  if (!config.databaseUrl) {
    throw new ConfigInvalid(['DATABASE_URL is required by the scribe worker: the embedded PostgreSQL lives inside the API process (npm start runs the worker inline)']);
  }
  const app = await NestFactory.createApplicationContext(
    WorkerModule.forRoot({ ...config, databaseUrl: config.databaseUrl, scribe: { ...config.scribe, worker: 'inline' } }),
    { logger: new ConsoleLogger({ json: true, logLevels: config.logLevel === 'silent' ? [] : ['fatal', 'error', 'warn', 'log'] }) },
  );
  await app.init();
  logger.log('Scribe worker started: it takes jobs from the queue once the database answers');

  const shutdown = async (signal: string) => {
    logger.log(`${signal}: finishing the job in hand, then stopping`);
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigInvalid) console.error(error.message);
  else console.error('The scribe worker could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
