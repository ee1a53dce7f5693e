import path from 'node:path';
import { workspaceRoot } from '@clinic/db';
import { assembleApp } from '../app.factory.js';
import { loadConfig } from '../config/app-config.js';
import { describeApi, serializeDocument } from './api-document.js';

/** The committed contract: clients and the typed client library are generated from it. */
export function openApiFilePath(): string {
  return path.join(workspaceRoot(), 'apps/api/openapi.json');
}

// The document does not depend on the environment: a fixed one keeps it the same on every
// machine. The database named here is never contacted (the application is not initialised).
const DOCUMENT_ENVIRONMENT = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  DATABASE_URL: 'postgresql://openapi@127.0.0.1:1/never-contacted',
};

/** The contract as the code describes it, in the committed file's form. */
export async function generateOpenApiJson(): Promise<string> {
  const config = loadConfig(DOCUMENT_ENVIRONMENT);
  const app = await assembleApp({ ...config, databaseUrl: DOCUMENT_ENVIRONMENT.DATABASE_URL });
  try {
    return serializeDocument(describeApi(app));
  } finally {
    await app.close();
  }
}
