// Prisma CLI configuration for the whole workspace. The schema, migrations and seeds live in
// libs/db (the root `prisma` link points there, so the strategy document's paths still work).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'prisma/config';

const root = path.dirname(fileURLToPath(import.meta.url));

// Prisma 7 no longer reads .env by itself; an operator's .env must still count.
if (existsSync(path.join(root, '.env'))) process.loadEnvFile(path.join(root, '.env'));

// The CLI would otherwise download a native schema engine, which these networks cannot reach.
// Our bridge runs Prisma's own WebAssembly build of the same engine. Set the variable yourself
// (to a native binary) to use another engine.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(root, 'tools/prisma-engine/schema-engine.mjs');

export default defineConfig({
  schema: path.join(root, 'libs/db/prisma/schema.prisma'),
  migrations: {
    path: path.join(root, 'libs/db/prisma/migrations'),
    seed: 'node --import tsx libs/db/prisma/seed.ts',
  },
  // Migrations (and seeds) run as the owner of the tables; the API connects as a member of
  // clinic_app, which may not change the schema. With one URL for both, DATABASE_URL serves.
  datasource: {
    url: process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL,
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL,
  },
});
