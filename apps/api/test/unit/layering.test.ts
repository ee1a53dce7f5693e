// Features meet through services, never through each other's repositories: a repository is its
// feature's own room (the one owner of its tables). The shared layers (common, audit, identity)
// may be used by everyone. A plain scan of the imports, so a new crossing fails here with its
// file and line rather than being found in review.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { workspaceRoot } from '@clinic/db';

const SOURCE = path.join(workspaceRoot(), 'apps/api/src');
const SHARED_LAYERS = new Set(['common', 'audit', 'identity']);

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const featureOf = (file: string) => path.relative(SOURCE, file).split(path.sep)[0];

describe('layering', () => {
  it('no feature imports another feature’s repository', () => {
    const crossings: string[] = [];
    for (const file of sourceFiles(SOURCE)) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          const target = /from '(\.[^']*\.repository\.js)'/.exec(line)?.[1];
          if (!target) return;
          const owner = featureOf(path.resolve(path.dirname(file), target));
          if (owner !== featureOf(file) && !SHARED_LAYERS.has(owner)) crossings.push(`${path.relative(SOURCE, file)}:${index + 1} imports ${target}`);
        });
    }
    assert.deepEqual(crossings, []);
  });
});
