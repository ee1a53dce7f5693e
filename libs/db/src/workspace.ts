import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The repository root, found from this file whether it runs from src (tsx) or dist (tsc):
 * the migration commands must run there, beside prisma.config.ts.
 */
export function workspaceRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'prisma.config.ts'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('prisma.config.ts not found above libs/db: run from a checkout of the repository');
    dir = parent;
  }
  return dir;
}
