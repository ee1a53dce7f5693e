#!/usr/bin/env node
// Prints the API's access table (apps/api/src/identity/access-table.ts) as Markdown.
//   node tools/docs/print-access-table.mjs           the table, on stdout
//   node tools/docs/print-access-table.mjs --write   README.md's access-table section rewritten
//   node tools/docs/print-access-table.mjs --check   exits 1 when README.md's section is stale
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const readmePath = path.join(root, 'README.md');
const { accessTableMarkdown, withAccessTable } = await tsImport(path.join(root, 'apps/api/src/identity/access-table.markdown.ts'), import.meta.url);

const mode = process.argv[2];
if (mode === undefined) {
  console.log(accessTableMarkdown());
} else if (mode === '--write' || mode === '--check') {
  const readme = await readFile(readmePath, 'utf8');
  const current = withAccessTable(readme);
  if (mode === '--write') {
    if (current !== readme) await writeFile(readmePath, current);
  } else if (current !== readme) {
    console.error('README.md\'s access table is stale: run node tools/docs/print-access-table.mjs --write');
    process.exit(1);
  }
} else {
  console.error('usage: node tools/docs/print-access-table.mjs [--write | --check]');
  process.exit(2);
}
