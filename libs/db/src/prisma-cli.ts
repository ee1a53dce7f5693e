import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { workspaceRoot } from './workspace.js';

export interface PrismaCliResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the genuine Prisma CLI from the repository root (so prisma.config.ts and the offline
 * schema engine apply), with the given database. Asynchronous on purpose: an embedded
 * PostgreSQL served from this same process must keep answering while the CLI talks to it.
 *
 * prisma.config.ts migrates MIGRATION_DATABASE_URL when it is set, DATABASE_URL otherwise. A
 * caller that names a DATABASE_URL here means that database, so it is passed as both: a
 * MIGRATION_DATABASE_URL from the environment (or from .env, which the config reads) must never
 * send the command to another one.
 */
export function runPrismaCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<PrismaCliResult> {
  const root = workspaceRoot();
  const cli = path.join(path.dirname(createRequire(path.join(root, 'package.json')).resolve('prisma/package.json')), 'build/index.js');
  const database = env.DATABASE_URL && !env.MIGRATION_DATABASE_URL ? { MIGRATION_DATABASE_URL: env.DATABASE_URL } : {};
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      cwd: root,
      env: { ...process.env, ...env, ...database },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ exitCode: exitCode ?? 1, stdout, stderr }));
  });
}

/**
 * `prisma migrate deploy` against one database, as whoever the URL logs in as: the owner of the
 * tables. Throws with the CLI's own words on failure.
 */
export async function deployMigrations(databaseUrl: string): Promise<string> {
  const result = await runPrismaCli(['migrate', 'deploy'], { DATABASE_URL: databaseUrl, MIGRATION_DATABASE_URL: databaseUrl });
  if (result.exitCode !== 0) {
    throw new Error(`prisma migrate deploy failed (exit ${result.exitCode}):\n${result.stdout}\n${result.stderr}`);
  }
  return result.stdout;
}
