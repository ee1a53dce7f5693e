#!/usr/bin/env node
// Runs one project's tests: compiles them, prepares the run's databases once, and runs every
// *.test.js with node's test runner, each file in its own process with its own database.
//   node tools/test/run-tests.mjs <project root> [--file=<part of a path>]… [node --test arguments]
// The databases come from @clinic/db/testing (prepareTestRun, then createTestDatabase in each
// suite). With DATABASE_URL: a migrated template database on that server, cloned per suite
// (CREATE DATABASE … TEMPLATE), and a login in the application role for the run. Without it, or
// with TEST_EMBEDDED=1: an embedded PostgreSQL (PGlite), migrated once and dumped; each suite starts
// its own instance from the dump.
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const [projectRoot, ...args] = process.argv.slice(2);
// `--file=<part of a test file's path>` (repeatable) runs only the matching files: `--file=patients`
// or `--file=test/patients.test.ts`. Everything else goes to node --test.
const fileFilters = args.filter((arg) => arg.startsWith('--file=')).map((arg) => arg.slice('--file='.length).replace(/\.ts$/, '.js'));
const testArgs = args.filter((arg) => !arg.startsWith('--file='));
if (!projectRoot) {
  console.error('usage: node tools/test/run-tests.mjs <project root> [--file=<part of a path>]… [node --test arguments]');
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

const { prepareTestRun, testsUseServer } = await import('@clinic/db/testing');
console.log(`preparing a migrated template database (${testsUseServer() ? 'on the server at DATABASE_URL' : 'embedded PostgreSQL'})`);
const prepared = await prepareTestRun();
let code;
try {
  const concurrency = String(Math.max(1, os.availableParallelism()));
  code = await run(process.execPath, ['--test', `--test-concurrency=${concurrency}`, ...testArgs, ...tests], {
    env: { ...prepared.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent' },
  });
} finally {
  await prepared.cleanup();
}
process.exit(code);
