#!/usr/bin/env node
// `nx run db:drift`: do schema.prisma, the migrations and (when MIGRATION_DATABASE_URL or
// DATABASE_URL is set) the live database agree?
//   1. schema.prisma against the migrations: a model changed without a migration;
//   2. with a database, the live database against the migrations: migrations not applied (or
//      failed), or the database changed by hand (ALTER TABLE outside a migration). It is read as
//      the migrations see it: MIGRATION_DATABASE_URL (the owner), else DATABASE_URL.
// Prints the SQL of each difference and exits 1; exits 0 with one line when all agree; exits 2
// when a check could not run (database unreachable …).
//
//   node tools/db/drift.mjs [--config <prisma config file>]
//
// Reading the migrations takes a shadow database: SHADOW_DATABASE_URL, or a throw-away database
// on the database's server (the role needs CREATEDB), or, with neither set, an embedded
// PostgreSQL (PGlite) started for the check.
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { prismaPaths } from '../migrations/lib/prisma-config.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const requireFromRoot = createRequire(path.join(root, 'package.json'));
const prismaCli = path.join(path.dirname(requireFromRoot.resolve('prisma/package.json')), 'build/index.js');

const USAGE = 'usage: node tools/db/drift.mjs [--config <prisma config file>]';

export function parseDriftArgs(argv) {
  const options = { config: path.join(root, 'prisma.config.ts') };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return { help: true };
    if (arg === '--config' && argv[i + 1]) options.config = path.resolve(argv[++i]);
    else if (arg.startsWith('--config=')) options.config = path.resolve(arg.slice('--config='.length));
    else throw new Error(`unknown argument ${arg}\n${USAGE}`);
  }
  return options;
}

function runPrisma(args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [prismaCli, ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ exitCode: exitCode ?? 1, stdout, stderr }));
  });
}

/** The CLI's own words, without the "Loaded Prisma config …" chatter. */
function cliMessage({ stdout, stderr }) {
  return `${stdout}\n${stderr}`
    .split('\n')
    .filter((line) => !/^(Loaded Prisma config|Prisma schema loaded|Datasource ")/.test(line))
    .join('\n')
    .trim();
}

/** `migrate diff … --script --exit-code`: 0 no difference, 2 difference (SQL on stdout), else error. */
async function diff(from, to, { config, env }) {
  const result = await runPrisma(['migrate', 'diff', '--config', config, ...from, ...to, '--script', '--exit-code'], env);
  if (result.exitCode === 0) return { differs: false };
  if (result.exitCode === 2) return { differs: true, sql: result.stdout.trim() };
  throw new CheckError(`prisma migrate diff failed (exit ${result.exitCode}):\n${cliMessage(result)}`);
}

class CheckError extends Error {}

/** Extensions the migrations create (`CREATE EXTENSION [IF NOT EXISTS] name`), lower-case. */
export function extensionsIn(sql) {
  const names = new Set();
  for (const match of sql.matchAll(/\bCREATE\s+EXTENSION\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:"([^"]+)"|([\w-]+))/gi)) {
    names.add((match[1] ?? match[2]).toLowerCase());
  }
  return [...names];
}

/** PGlite ships PostgreSQL's contrib extensions as separate bundles, loaded only when named. */
async function pgliteExtensions(migrationsDir) {
  const folders = await readdir(migrationsDir, { withFileTypes: true }).catch(() => []);
  const sql = await Promise.all(
    folders.filter((entry) => entry.isDirectory()).map((entry) => readFile(path.join(migrationsDir, entry.name, 'migration.sql'), 'utf8').catch(() => '')),
  );
  const extensions = {};
  for (const name of extensionsIn(sql.join('\n'))) {
    const id = name.replaceAll('-', '_');
    if (id === 'plpgsql') continue; // built in
    try {
      const module = id === 'vector' ? await import('@electric-sql/pglite/vector') : await import(`@electric-sql/pglite/contrib/${id}`);
      extensions[id] = module[id];
    } catch {
      // Not shipped with PGlite: the migration will say so when the shadow database runs it.
    }
  }
  return extensions;
}

/** Two in-process PGlite servers, main and shadow: PGlite cannot create a second database. */
async function startEmbeddedDatabases(migrationsDir) {
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const extensions = await pgliteExtensions(migrationsDir);
  const started = [];
  const start = async () => {
    const db = await PGlite.create({ extensions });
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 16 });
    await server.start();
    started.push(async () => {
      await server.stop();
      await db.close();
    });
    return `postgresql://postgres@${server.getServerConn()}/postgres`;
  };
  try {
    const [main, shadow] = [await start(), await start()];
    return { env: { DATABASE_URL: main, MIGRATION_DATABASE_URL: main, SHADOW_DATABASE_URL: shadow }, stop: () => Promise.all(started.map((stop) => stop())) };
  } catch (error) {
    await Promise.all(started.map((stop) => stop()));
    throw error;
  }
}

function describeDatabase(url) {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return 'the database';
  }
}

export async function checkDrift({ config, log = console.log }) {
  const { schema, migrations } = await prismaPaths(config);
  const rel = (file) => path.relative(process.cwd(), file) || '.';
  const live = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;
  const embedded = live || process.env.SHADOW_DATABASE_URL ? undefined : await startEmbeddedDatabases(migrations);
  // A config may read either variable: both name the database checked.
  const options = { config, env: embedded?.env ?? (live ? { DATABASE_URL: live, MIGRATION_DATABASE_URL: live } : {}) };
  const problems = [];
  try {
    // The two checks are independent: they run side by side.
    const [model, status] = await Promise.all([
      diff(['--from-migrations', migrations], ['--to-schema', schema], options),
      live ? runPrisma(['migrate', 'status', '--config', config], options.env) : undefined,
    ]);
    if (model.differs) {
      problems.push(
        `drift: ${rel(schema)} differs from the migrations in ${rel(migrations)}; ` +
          'create a migration for the change (npx prisma migrate dev --name <change>). ' +
          `SQL that would bring the migrations to the schema:\n${model.sql}`,
      );
    }
    if (status && status.exitCode !== 0) {
      // Pending or failed migrations: the diff of the database would only repeat them as SQL.
      if (/\bP10\d\d\b/.test(`${status.stdout}${status.stderr}`)) {
        throw new CheckError(`cannot read the database at ${describeDatabase(live)}:\n${cliMessage(status)}`);
      }
      problems.push(`drift: the database at ${describeDatabase(live)} is not at the migrations' state:\n${cliMessage(status)}`);
    } else if (status) {
      const database = await diff(['--from-migrations', migrations], ['--to-config-datasource'], options);
      if (database.differs) {
        problems.push(
          `drift: the database at ${describeDatabase(live)} differs from the migrations in ${rel(migrations)} ` +
            '(changed outside a migration). SQL that would bring the migrations to the database:\n' +
            database.sql,
        );
      }
    }
  } finally {
    await embedded?.stop();
  }
  if (problems.length === 0) {
    log(`drift: OK: ${rel(schema)} matches the migrations${live ? `, and so does the database at ${describeDatabase(live)}` : ''}`);
  }
  return problems;
}

async function main() {
  let options;
  try {
    options = parseDriftArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error.message);
    return 2;
  }
  if (options.help) {
    console.log(USAGE);
    return 0;
  }
  try {
    const problems = await checkDrift(options);
    for (const problem of problems) console.error(`${problem}\n`);
    return problems.length ? 1 : 0;
  } catch (error) {
    console.error(`drift: could not check: ${error instanceof CheckError ? error.message : (error?.stack ?? error)}`);
    return 2;
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main();
}
