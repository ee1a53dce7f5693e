import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseArgs } from './args.mjs';

describe('parseArgs', () => {
  it('reads the datamodels and the datasource the CLI passes for JSON-RPC', () => {
    const args = parseArgs(['--datamodels', 'a.prisma', 'b.prisma', '--datasource', '{"url":"postgresql://h/db","shadowDatabaseUrl":"postgresql://h/s"}']);
    assert.deepEqual(args.datamodels, ['a.prisma', 'b.prisma']);
    assert.deepEqual(args.datasource, { url: 'postgresql://h/db', shadowDatabaseUrl: 'postgresql://h/s' });
    assert.equal(args.cliCommand, undefined);
    assert.equal(args.version, false);
  });

  it('takes each --datamodels flag the CLI repeats per schema file', () => {
    assert.deepEqual(parseArgs(['--datamodels', 'a.prisma', '--datamodels', 'b.prisma']).datamodels, ['a.prisma', 'b.prisma']);
  });

  it('reads a `cli` subcommand', () => {
    const args = parseArgs(['--datasource', '{"url":"postgresql://h/db"}', 'cli', 'can-connect-to-database']);
    assert.equal(args.cliCommand, 'can-connect-to-database');
    assert.equal(args.datasource.url, 'postgresql://h/db');
  });

  it('accepts --version and -V', () => {
    assert.equal(parseArgs(['--version']).version, true);
    assert.equal(parseArgs(['-V']).version, true);
  });

  it('accepts and skips the preview-feature and extension options with their value', () => {
    const args = parseArgs(['--enabled-preview-features', 'views', '--extension-types', '{"types":[]}', '--datamodels', 's.prisma']);
    assert.deepEqual(args.datamodels, ['s.prisma']);
  });

  it('refuses what it does not know', () => {
    assert.throws(() => parseArgs(['--frobnicate']), /unknown argument --frobnicate/);
  });

  it('refuses a datasource that is not JSON', () => {
    assert.throws(() => parseArgs(['--datasource', 'postgresql://h/db']), SyntaxError);
  });
});
