import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { ConsoleLogger, Logger } from '@nestjs/common';
import { createApp } from './app.factory.js';
import { openStartupDatabase } from './bootstrap/database.js';
import { ConfigInvalid, loadConfig } from './config/app-config.js';
import { closeGracefully } from './lifecycle/graceful-shutdown.js';

async function main(): Promise<void> {
  // Before the application (and its pino logger) exists, start-up lines are JSON too.
  Logger.overrideLogger(new ConsoleLogger({ json: true }));
  const logger = new Logger('Bootstrap');
  // An operator's .env counts as the environment; variables already set win over it.
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  const database = await openStartupDatabase(config, logger);
  const app = await createApp({ ...config, databaseUrl: database.url, assumeDatabaseRole: database.assumeRole });

  // Requests already running finish (within SHUTDOWN_GRACE_SECONDS), then the pools close; the
  // embedded database lives in this process and goes last.
  const shutdown = async (signal: string) => {
    logger.log(`${signal}: shutting down, giving running requests up to ${config.shutdownGraceSeconds} s`);
    const outcome = await closeGracefully(app, config.shutdownGraceSeconds * 1000, logger);
    await database.stop();
    logger.log(outcome === 'drained' ? 'stopped: every request finished' : 'stopped: requests were cut at the end of the grace');
    process.exit(outcome === 'drained' ? 0 : 1);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ host: config.host, port: config.port });
  // PORT=0 takes any free port (tests start several processes): the line names the one bound.
  const bound = app.getHttpServer().address();
  const port = typeof bound === 'object' && bound ? bound.port : config.port;
  logger.log(`Clinic API listening on http://${config.host}:${port} (docs at /docs)`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigInvalid) {
    console.error(error.message);
  } else {
    console.error('The API could not start:', error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
