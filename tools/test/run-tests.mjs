#!/usr/bin/env node
// Runs one project's tests: compiles them, prepares a migrated template database once, and runs
// every *.test.js with node's test runner, each file in its own process with its own database.
//   node tools/test/run-tests.mjs <project root> [more node --test arguments]
// With DATABASE_URL: a template database on that server, cloned per suite (CREATE DATABASE …
// TEMPLATE). Without: an embedded PostgreSQL (PGlite), migrated once and dumped; each suite
// starts its own instance from the dump.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [projectRoot, ...args] = process.argv.slice(2);
// `--file=<part of a test file's path>` (repeatable) runs only the matching files: `--file=patients`
// or `--file=test/patients.test.ts`. Everything else goes to node --test.
const fileFilters = args.filter((arg) => arg.startsWith('--file=')).map((arg) => arg.slice('--file='.length).replace(/\.ts$/, '.js'));
const testArgs = args.filter((arg) => !arg.startsWith('--file='));
if (!projectRoot) {
  console.error('usage: node tools/test/run-tests.mjs <project root> [node --test arguments]');
  process.exit(2);
}

function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
}

async function findTests(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && /\.test\.m?js$/.test(entry.name))
    .filter((entry) => !(entry.parentPath ?? entry.path).includes('node_modules'))
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name))
    .sort();
}

async function onServer(url, sql) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Returns the environment the suites need, and how to clean up after them. */
async function prepareTemplate() {
  const { deployMigrations, startEmbeddedPostgres } = await import('@clinic/db');
  if (process.env.DATABASE_URL) {
    const name = `test_template_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
    await onServer(process.env.DATABASE_URL, `CREATE DATABASE "${name}"`);
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = `/${name}`;
    await deployMigrations(url.toString());
    return {
      env: { TEST_TEMPLATE_DATABASE: name },
      cleanup: () => onServer(process.env.DATABASE_URL, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
    };
  }
  const dir = await mkdtemp(path.join(os.tmpdir(), 'clinic-test-'));
  const embedded = await startEmbeddedPostgres();
  try {
    await deployMigrations(embedded.url);
    const dump = path.join(dir, 'template.tar.gz');
    await writeFile(dump, Buffer.from(await (await embedded.dump()).arrayBuffer()));
    return { env: { TEST_TEMPLATE_DUMP: dump }, cleanup: () => rm(dir, { recursive: true, force: true }) };
  } finally {
    await embedded.stop();
  }
}

// TypeScript projects are compiled first (tsc keeps the decorator metadata Nest needs); plain
// JavaScript projects (tools/) run their *.test.mjs as they are.
const tsconfig = path.join(projectRoot, 'tsconfig.spec.json');
const typescript = await readdir(path.join(root, projectRoot)).then((names) => names.includes('tsconfig.spec.json'));
if (typescript) {
  const compiled = await run(process.execPath, [path.join(root, 'node_modules/typescript/bin/tsc'), '-p', tsconfig]);
  if (compiled !== 0) process.exit(compiled);
}
const tests = (await findTests(path.join(root, projectRoot, typescript ? 'out-tsc/spec' : ''))).filter(
  (file) => fileFilters.length === 0 || fileFilters.some((part) => file.includes(part)),
);
if (tests.length === 0) {
  console.error(`no test files under ${projectRoot}${fileFilters.length ? ` match ${fileFilters.join(', ')}` : ''}`);
  process.exit(1);
}

console.log(`preparing a migrated template database (${process.env.DATABASE_URL ? 'DATABASE_URL' : 'embedded PostgreSQL'})`);
const template = await prepareTemplate();
let code;
try {
  const concurrency = String(Math.max(1, os.availableParallelism()));
  code = await run(process.execPath, ['--test', `--test-concurrency=${concurrency}`, ...testArgs, ...tests], {
    env: { ...process.env, ...template.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' },
  });
} finally {
  await template.cleanup();
}
process.exit(code);
