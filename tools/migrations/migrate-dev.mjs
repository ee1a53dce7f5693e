#!/usr/bin/env node
// `nx run db:migrate-dev --name=<verb>_<what>`: creates a migration from schema.prisma and
// applies it (`prisma migrate dev`). Development only: migrate dev resets the database when it
// finds drift or an edited migration (after asking), so the database must be marked
// development, hold no tables, or be named with --i-know-this-is-<database>.
//
//   DATABASE_URL=… node tools/migrations/migrate-dev.mjs --name <verb>_<what> [--create-only] [--i-know-this-is-<database>] [--config <file>]
import path from 'node:path';
import { parseArgs } from 'node:util';
import { requireMigrationDatabaseUrl } from './lib/database.mjs';
import { assertMayDestroyData, isRefusal, takeConfirmation } from './lib/destructive-guard.mjs';
import { namingProblems } from './lib/naming.mjs';
import { defaultPrismaConfig } from './lib/prisma-config.mjs';
import { runPrismaInTerminal } from './lib/prisma.mjs';

const USAGE = 'usage: nx run db:migrate-dev --name=<verb>_<what> [--create-only]   (for example --name=add_patient_middle_name)';

class UsageError extends Error {}

/** What is wrong with a migration's description, by the naming rules (docs/migrations.md). */
function descriptionProblems(name) {
  if (!name) {
    return [
      'a migration needs a name: --name=<verb>_<what>, the verb one of add_, remove_, update_, rename_, create_ ' +
        '(for example nx run db:migrate-dev --name=add_patient_middle_name); Prisma adds the timestamp',
    ];
  }
  const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
  return namingProblems(`${stamp}_${name}`);
}

async function main() {
  const { args, confirmation } = await takeConfirmation(process.argv.slice(2));
  let options;
  try {
    ({ values: options } = parseArgs({
      args,
      options: {
        name: { type: 'string' },
        'create-only': { type: 'boolean', default: false },
        config: { type: 'string', default: defaultPrismaConfig },
        help: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(`${error.message}\n${USAGE}`);
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  const problems = descriptionProblems(options.name?.trim());
  if (problems.length) throw new UsageError(problems.join('\n'));

  const url = requireMigrationDatabaseUrl();
  await assertMayDestroyData(url, 'nx run db:migrate-dev', confirmation);
  const createOnly = options['create-only'] ? ['--create-only'] : [];
  return runPrismaInTerminal(['migrate', 'dev', '--name', options.name.trim(), ...createOnly, '--config', path.resolve(options.config)], { DATABASE_URL: url });
}

main().then(
  (code) => process.exit(code),
  (error) => {
    if (error instanceof UsageError) console.error(`migrate-dev: ${error.message}`);
    else if (isRefusal(error)) console.error(`migrate-dev refused: ${error.message}`);
    else console.error(`migrate-dev could not run: ${error.message}`);
    process.exit(isRefusal(error) ? 1 : 2);
  },
);
