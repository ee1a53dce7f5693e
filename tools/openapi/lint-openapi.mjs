#!/usr/bin/env node
// `nx run api:lint-openapi`: @redocly/cli lint (the rules of redocly.yaml) on the committed API
// contract, failing on any warning as well as any error: redocly itself fails only on errors.
//   node tools/openapi/lint-openapi.mjs [document, default apps/api/openapi.json]
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const document = process.argv[2] ?? 'apps/api/openapi.json';
const cli = path.join(root, 'node_modules/@redocly/cli/bin/cli.js');

const result = spawnSync(process.execPath, [cli, 'lint', document, '--format=json', '--max-problems=1000'], {
  cwd: root,
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
  // No usage reports and no update check: CI and clinics' networks may not reach Redocly.
  env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
});
let report;
try {
  report = JSON.parse(result.stdout);
} catch {
  console.error(result.stderr || result.stdout || `redocly lint exited with ${result.status}`);
  process.exit(1);
}

for (const problem of report.problems) {
  const where = problem.location?.map((location) => location.pointer).join(', ') ?? '';
  console.log(`${problem.severity.padEnd(7)} ${problem.ruleId}  ${where}\n        ${problem.message}`);
}
const { errors, warnings, ignored } = report.totals;
console.log(`${document}: ${errors} errors, ${warnings} warnings (${ignored} ignored on purpose: .redocly.lint-ignore.yaml)`);
process.exit(errors + warnings > 0 ? 1 : 0);
