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
      // The generate target's own command (project.json), writing to a scratch file instead.
      const project = JSON.parse(await readFile(path.join(root, 'libs/api-client/project.json'), 'utf8'));
      const [command, ...args] = (project.targets.generate.command as string).split(' ');
      assert.equal(command, 'openapi-typescript');
      const output = args.indexOf('-o') + 1;
      assert.ok(output > 0, 'the generate command names its output with -o');
      args[output] = fresh;
      await promisify(execFile)(process.execPath, [path.join(root, 'node_modules/openapi-typescript/bin/cli.js'), ...args], { cwd: root });
      const [generated, committed] = await Promise.all([readFile(fresh, 'utf8'), readFile(path.join(root, 'libs/api-client/src/schema.ts'), 'utf8')]);
      assert.ok(generated === committed, 'libs/api-client/src/schema.ts is stale: run `nx run api-client:generate` and commit it');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
