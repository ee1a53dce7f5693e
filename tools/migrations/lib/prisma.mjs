// The Prisma CLI for the migration tools: the project's runPrismaCli (libs/db), so that the
// tools run Prisma exactly as the rest of the project does (root prisma.config.ts, offline engine).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { loadClinicDb } from './clinic-db.mjs';
import { repoRoot } from './paths.mjs';

export async function runPrismaCli(args, env) {
  return (await loadClinicDb()).runPrismaCli(args, env);
}

/**
 * The CLI with the operator's terminal: its output as it comes, and its questions (migrate dev
 * asks before it resets a database). Resolves with its exit code.
 */
export function runPrismaInTerminal(args, env = {}) {
  const cli = path.join(path.dirname(createRequire(path.join(repoRoot, 'package.json')).resolve('prisma/package.json')), 'build/index.js');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { cwd: repoRoot, env: { ...process.env, ...env }, stdio: 'inherit' });
    child.on('error', (error) => {
      console.error(`could not run the Prisma CLI: ${error.message}`);
      resolve(1);
    });
    child.on('close', (code) => resolve(code ?? 1));
  });
}

/**
 * How the database differs from the schema the given migrations build: `empty` when it is
 * exactly that schema, otherwise the SQL that would bring the migrations' schema to the
 * database. Prisma replays the migrations on a shadow database (SHADOW_DATABASE_URL, or one it
 * creates and drops, which needs the CREATEDB privilege). `env` names the database (DATABASE_URL)
 * for the root prisma.config.ts.
 */
export async function diffDatabaseAgainst(names, migrationsDir, env) {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'clinic-migrations-'));
  try {
    for (const name of names) await cp(path.join(migrationsDir, name), path.join(scratch, name), { recursive: true });
    const lock = path.join(migrationsDir, 'migration_lock.toml');
    if (existsSync(lock)) await cp(lock, path.join(scratch, 'migration_lock.toml'));
    const from = names.length ? ['--from-migrations', scratch] : ['--from-empty'];
    const result = await runPrismaCli(['migrate', 'diff', ...from, '--to-config-datasource', '--script', '--exit-code'], env);
    // --exit-code: 0 no difference, 2 a difference, anything else the diff itself failed.
    if (result.exitCode !== 0 && result.exitCode !== 2) {
      throw new Error(`prisma migrate diff failed (exit ${result.exitCode}):\n${result.stdout}\n${result.stderr}`);
    }
    return { empty: result.exitCode === 0, script: result.stdout.trim() };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
