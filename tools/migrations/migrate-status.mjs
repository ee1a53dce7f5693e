#!/usr/bin/env node
// `nx run db:migrate-status`: Prisma's own report (`prisma migrate status`); with --json, the
// schema state for scripts, the same comparison /health/ready makes:
//   { ready, version, codeVersion, applied, pending, unknown, ahead, failed, checksumMismatches }
// against the migrations folder here (what a deploy from this checkout would apply).
//
//   DATABASE_URL=… node tools/migrations/migrate-status.mjs [--json] [--config <prisma config file>]
//
// With --json: exit 0 when ready, 1 when not, 2 when the database cannot be read.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadClinicDb } from './lib/clinic-db.mjs';
import { requireMigrationDatabaseUrl } from './lib/database.mjs';
import { defaultPrismaConfig, prismaPaths } from './lib/prisma-config.mjs';
import { runPrismaInTerminal } from './lib/prisma.mjs';

const { values: options } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    config: { type: 'string', default: defaultPrismaConfig },
    help: { type: 'boolean', default: false },
  },
});
if (options.help) {
  console.log('usage: DATABASE_URL=… node tools/migrations/migrate-status.mjs [--json] [--config <prisma config file>]');
  process.exit(0);
}

const url = requireMigrationDatabaseUrl();
const config = path.resolve(options.config);

async function main() {
  if (!options.json) return runPrismaInTerminal(['migrate', 'status', '--config', config], { DATABASE_URL: url });
  const { migrations } = await prismaPaths(config);
  const { readMigrationFolder, readSchemaState } = await loadClinicDb('/migrations');
  const state = await readSchemaState(url, await readMigrationFolder(migrations));
  console.log(JSON.stringify(state, null, 2));
  return state.ready ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`migrate-status could not read the database: ${error.message}`);
    process.exit(2);
  },
);
