// pg_dump and pg_restore, run against a database named by a Prisma URL.
import { spawn } from 'node:child_process';
import { libpqTarget } from './database.mjs';

/**
 * Runs a PostgreSQL client program (PG_DUMP / PG_RESTORE choose another binary, e.g. one whose
 * major version matches the server's: pg_dump refuses a newer server). Its errors stream to the
 * operator, its output too unless `quiet`; resolves with the exit code and what it wrote to stderr.
 */
export function runPgTool(program, args, { url, quiet = false } = {}) {
  const binary = process.env[program.toUpperCase()] || program;
  const target = url ? libpqTarget(url) : { env: {} };
  return new Promise((resolve) => {
    const child = spawn(binary, [...args, ...(url ? [`--dbname=${target.url}`] : [])], {
      env: { ...process.env, ...target.env },
      stdio: ['ignore', quiet ? 'ignore' : 'inherit', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      process.stderr.write(chunk);
    });
    child.on('error', (error) => {
      process.stderr.write(`${binary}: ${error.message}\n`);
      resolve({ code: 127, stderr: error.message });
    });
    child.on('close', (code) => resolve({ code: code ?? 1, stderr }));
  });
}
