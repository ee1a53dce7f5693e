#!/usr/bin/env node
// `nx run db:migrate-reset`: empties the database, replays every migration and loads the
// development seed. Development only: a database marked staging or production, or holding
// tables without a mark, is refused (nothing changes) unless the operator names it.
//
//   DATABASE_URL=… node tools/migrations/migrate-reset.mjs [--i-know-this-is-<database>] [--config <prisma config file>]
//
// Exit 0 done, 1 refused or a step failed, 2 it could not run.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { requireMigrationDatabaseUrl } from './lib/database.mjs';
import { assertMayDestroyData, isRefusal, takeConfirmation } from './lib/destructive-guard.mjs';
import { repoRoot } from './lib/paths.mjs';
import { defaultPrismaConfig } from './lib/prisma-config.mjs';
import { runPrismaInTerminal } from './lib/prisma.mjs';

const COMMAND = 'nx run db:migrate-reset';

function seedDevelopment(url) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'libs/db/prisma/seed.ts'], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: url, SEED_ENVIRONMENT: 'development' },
      stdio: 'inherit',
    });
    child.on('error', () => resolve(1));
    child.on('close', (code) => resolve(code ?? 1));
  });
}

async function main() {
  const { args, confirmation } = await takeConfirmation(process.argv.slice(2));
  const { values: options } = parseArgs({
    args,
    options: {
      config: { type: 'string', default: defaultPrismaConfig },
      help: { type: 'boolean', default: false },
    },
  });
  if (options.help) {
    console.log('usage: DATABASE_URL=… node tools/migrations/migrate-reset.mjs [--i-know-this-is-<database>] [--config <prisma config file>]');
    return 0;
  }
  const url = requireMigrationDatabaseUrl();
  const standing = await assertMayDestroyData(url, COMMAND, confirmation);
  const why = standing.environment === 'development' ? 'marked development' : standing.holdsTables ? 'confirmed by name' : 'it holds no tables';
  console.log(`resetting database "${standing.database}" on ${standing.server} (${why})`);
  const reset = await runPrismaInTerminal(['migrate', 'reset', '--force', '--config', path.resolve(options.config)], { DATABASE_URL: url });
  if (reset !== 0) return reset;
  return seedDevelopment(url);
}

main().then(
  (code) => process.exit(code),
  (error) => {
    if (isRefusal(error)) {
      console.error(`migrate-reset refused: ${error.message}`);
      process.exit(1);
    }
    console.error(`migrate-reset could not run: ${error.message}`);
    process.exit(2);
  },
);
