// The declaration of every environment variable (src/config/variables.ts) is what the project
// reads and what it documents: .env.example and the README's table are printed from it, and no
// code reads a variable it does not declare.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { workspaceRoot } from '@clinic/db';
import { envExample, withEnvTable } from '../src/config/variables.markdown.js';
import { TEST_ONLY_VARIABLES, type Variable, VARIABLES } from '../src/config/variables.js';

const root = workspaceRoot();
const SKIPPED = new Set(['node_modules', 'dist', 'out-tsc', 'generated', '.nx', '.data', '.git']);

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files = await Promise.all(
    entries.map(async (entry) => {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) return SKIPPED.has(entry.name) ? [] : sourceFiles(full);
      return /\.(ts|mjs|js)$/.test(entry.name) && !/\.test\.(ts|mjs)$/.test(entry.name) ? [full] : [];
    }),
  );
  return files.flat();
}

describe('the environment variables', () => {
  it('are printed, as declared, in .env.example and the README', async () => {
    assert.equal(await readFile(path.join(root, '.env.example'), 'utf8'), envExample(), '.env.example is stale: run node tools/docs/print-env.mjs --write');
    const readme = await readFile(path.join(root, 'README.md'), 'utf8');
    assert.equal(readme, withEnvTable(readme), "README.md's variable table is stale: run node tools/docs/print-env.mjs --write");
  });

  it('are all declared: no code reads one that is not', async () => {
    const files = [...(await sourceFiles(path.join(root, 'apps'))), ...(await sourceFiles(path.join(root, 'libs'))), ...(await sourceFiles(path.join(root, 'tools'))), path.join(root, 'prisma.config.ts')];
    const read = new Map<string, string>();
    for (const file of files) {
      const text = await readFile(file, 'utf8');
      for (const match of text.matchAll(/\b(?:process\.env|env)(?:\.([A-Z][A-Z0-9_]+)|\[['"]([A-Z][A-Z0-9_]+)['"]\])/g)) {
        read.set(match[1] ?? match[2], path.relative(root, file));
      }
    }
    const known = new Set<string>([...Object.keys(VARIABLES), ...TEST_ONLY_VARIABLES]);
    const undeclared = [...read].filter(([name]) => !known.has(name)).map(([name, file]) => `${name} (${file})`);
    assert.deepEqual(undeclared, [], 'declare them in apps/api/src/config/variables.ts');
    assert.ok(read.size > 10, `${read.size} variables found: the scan reads the code`);
  });

  it('give secrets no working default', () => {
    for (const [name, variable] of Object.entries(VARIABLES) as [string, Variable][]) {
      if (variable.secret) assert.ok(!('default' in variable), `${name} is secret and has a default`);
    }
  });
});
