import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createTestDatabase, type TestDatabase } from '@clinic/db/testing';
import supertest from 'supertest';
import { createApp, type CreateAppOptions } from '../../src/app.factory.js';
import { loadConfig } from '../../src/config/app-config.js';

export interface TestApp {
  app: NestFastifyApplication;
  database: TestDatabase;
  http: () => ReturnType<typeof supertest>;
  close(): Promise<void>;
}

/**
 * The real application over this suite's own migrated database, connected as production connects
 * it: in the application role. `database.url` is the owner's, for fixtures and DDL.
 */
export async function startTestApp(env: Record<string, string> = {}, options: CreateAppOptions = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const { databaseUrl, poolSize, assumeRole } = database.app;
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: String(poolSize), ...env });
  const app = await createApp({ ...config, databaseUrl, assumeDatabaseRole: assumeRole }, options);
  return {
    app,
    database,
    http: () => supertest(app.getHttpServer()),
    close: async () => {
      await app.close();
      await database.drop();
    },
  };
}

/** Another application over a database that already exists (a restart): closing it leaves the database. */
export async function startAppOn(database: TestDatabase, env: Record<string, string> = {}, options: CreateAppOptions = {}): Promise<Omit<TestApp, 'database'>> {
  const { databaseUrl, poolSize, assumeRole } = database.app;
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: String(poolSize), ...env });
  const app = await createApp({ ...config, databaseUrl, assumeDatabaseRole: assumeRole }, options);
  return { app, http: () => supertest(app.getHttpServer()), close: () => app.close() };
}
