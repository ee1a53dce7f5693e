#!/usr/bin/env node
// `nx run db:migrate`: applies the pending migrations (`prisma migrate deploy`), after checking
// that every migration the database already applied is still the file here. Prisma's deploy does
// not check that: an edited migration.sql goes unnoticed ("No pending migrations", exit 0).
//
//   DATABASE_URL=… node tools/migrations/migrate.mjs [--config <prisma config file>]
//
// Exit 0 deployed (or nothing pending), 1 refused or the deploy failed, 2 it could not run.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { requireMigrationDatabaseUrl } from './lib/database.mjs';
import { EditedMigrationsRefused, refuseEditedMigrations } from './lib/edited-migrations.mjs';
import { defaultPrismaConfig, prismaPaths } from './lib/prisma-config.mjs';
import { runPrismaInTerminal } from './lib/prisma.mjs';

const { values: options } = parseArgs({
  options: {
    config: { type: 'string', default: defaultPrismaConfig },
    help: { type: 'boolean', default: false },
  },
});
if (options.help) {
  console.log('usage: DATABASE_URL=… node tools/migrations/migrate.mjs [--config <prisma config file>]');
  process.exit(0);
}

const url = requireMigrationDatabaseUrl();
const config = path.resolve(options.config);

async function main() {
  const { migrations } = await prismaPaths(config);
  await refuseEditedMigrations(url, migrations);
  return runPrismaInTerminal(['migrate', 'deploy', '--config', config], { DATABASE_URL: url });
}

main().then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof EditedMigrationsRefused) {
      console.error(`migrate refused: ${error.message}`);
      process.exit(1);
    }
    console.error(`migrate could not run: ${error.message}`);
    process.exit(2);
  },
);
