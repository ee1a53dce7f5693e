#!/usr/bin/env node
// Prints .env.example and the README's variable table from the declaration of every environment
// variable (apps/api/src/config/variables.ts).
//   node tools/docs/print-env.mjs           .env.example, on stdout
//   node tools/docs/print-env.mjs --write   .env.example and README.md's variable table rewritten
//   node tools/docs/print-env.mjs --check   exits 1 when either is stale
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const readmePath = path.join(root, 'README.md');
const examplePath = path.join(root, '.env.example');
const { envExample, withEnvTable } = await tsImport(path.join(root, 'apps/api/src/config/variables.markdown.ts'), import.meta.url);

const mode = process.argv[2];
if (mode === undefined) {
  process.stdout.write(envExample());
} else if (mode === '--write' || mode === '--check') {
  const readme = await readFile(readmePath, 'utf8');
  const example = await readFile(examplePath, 'utf8').catch(() => '');
  const stale = withEnvTable(readme) !== readme || envExample() !== example;
  if (mode === '--write') {
    await writeFile(readmePath, withEnvTable(readme));
    await writeFile(examplePath, envExample());
  } else if (stale) {
    console.error('.env.example or README.md\'s variable table is stale: run node tools/docs/print-env.mjs --write');
    process.exit(1);
  }
} else {
  console.error('usage: node tools/docs/print-env.mjs [--write | --check]');
  process.exit(2);
}
