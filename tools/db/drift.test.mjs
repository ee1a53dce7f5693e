// The drift check's own parts. Its checks against real databases run in
// libs/db/test/migrate.test.ts (through the CLI, with a temporary copy of the prisma folder).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { extensionsIn, parseDriftArgs } from './drift.mjs';

const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'drift.mjs');
const root = path.resolve(path.dirname(script), '../..');

describe('parseDriftArgs', () => {
  it("defaults to the project's prisma.config.ts", () => {
    assert.deepEqual(parseDriftArgs([]), { config: path.join(root, 'prisma.config.ts') });
  });

  it('takes --config in both spellings, resolved from the working directory', () => {
    assert.equal(parseDriftArgs(['--config', 'x/prisma.config.mjs']).config, path.resolve('x/prisma.config.mjs'));
    assert.equal(parseDriftArgs(['--config=/tmp/c.mjs']).config, '/tmp/c.mjs');
  });

  it('refuses unknown arguments', () => {
    assert.throws(() => parseDriftArgs(['--schema', 'x']), /unknown argument --schema/);
  });
});

describe('extensionsIn', () => {
  it('finds the extensions migrations create, for the embedded PostgreSQL to load', () => {
    const sql = `CREATE EXTENSION IF NOT EXISTS pg_trgm;\ncreate extension "uuid-ossp";\nCREATE EXTENSION IF NOT EXISTS "pg_trgm" SCHEMA public;`;
    assert.deepEqual(extensionsIn(sql), ['pg_trgm', 'uuid-ossp']);
    assert.deepEqual(extensionsIn('CREATE TABLE extension (id int);'), []);
  });
});

describe('the command', () => {
  it('prints its usage with --help, and exits 2 on a bad argument', () => {
    const help = spawnSync(process.execPath, [script, '--help'], { encoding: 'utf8' });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /usage: node tools\/db\/drift\.mjs/);
    const bad = spawnSync(process.execPath, [script, '--nope'], { encoding: 'utf8' });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /unknown argument --nope/);
  });
});
