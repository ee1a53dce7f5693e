// src/schema.ts is what openapi-typescript generates from the API's committed contract, so the
// client's types are the API's. Regenerate both with `nx run api-client:generate`.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

function workspaceRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'nx.json'))) dir = path.dirname(dir);
  return dir;
}

describe('the generated schema', () => {
  it('is current with apps/api/openapi.json', async () => {
    const root = workspaceRoot();
    const dir = await mkdtemp(path.join(os.tmpdir(), 'api-client-schema-'));
    try {
      const fresh = path.join(dir, 'schema.ts');
      // The same command as the generate target (project.json), into a scratch file.
      await promisify(execFile)(process.execPath, [path.join(root, 'node_modules/openapi-typescript/bin/cli.js'), 'apps/api/openapi.json', '-o', fresh], { cwd: root });
      const [generated, committed] = await Promise.all([readFile(fresh, 'utf8'), readFile(path.join(root, 'libs/api-client/src/schema.ts'), 'utf8')]);
      assert.ok(generated === committed, 'libs/api-client/src/schema.ts is stale: run `nx run api-client:generate` and commit it');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
