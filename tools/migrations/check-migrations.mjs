#!/usr/bin/env node
// Checks the migration folders a change adds or touches, against a base commit:
//   naming     YYYYMMDDHHMMSS_<verb>_<what>, a real UTC timestamp, not in the future, after the base's newest
//   history    a folder on the base keeps its migration.sql byte for byte and is never deleted
//   down.sql   every migration after the baseline carries one
//   lint       squawk (.squawk.toml) and the expand/contract check over each new migration.sql;
//              unsafe statements need a reviewed acknowledgement (docs/migrations.md, "Safety
//              lint", "Releases with several API replicas")
//   drift      node tools/db/drift.mjs, when that tool exists
//
//   node tools/migrations/check-migrations.mjs [--base <ref>] [--all] [--skip-drift] [--migrations <dir>]
//   (nx run db:check-migrations [--base=<ref>])
// --base defaults to origin/main, else HEAD~1; uncommitted work counts as part of the change.
// --all checks every folder as if new (no base: the history rule cannot apply).
// Exit 0 when every check passes, 1 when one fails, 2 when the check itself cannot run.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ACKNOWLEDGEMENT_FORMAT, CONTRACT_ACKNOWLEDGEMENT_FORMAT } from './lib/acknowledgements.mjs';
import { isContractRule } from './lib/expand-contract.mjs';
import { compareWithBase, releaseProblem, resolveBase } from './lib/git-base.mjs';
import { namingProblems } from './lib/naming.mjs';
import { BASELINE_MIGRATION, defaultMigrationsDir, listMigrationFolders, repoRoot } from './lib/paths.mjs';
import { lintMigrations } from './lib/safety-lint.mjs';

const { values: options } = parseArgs({
  options: {
    base: { type: 'string' },
    all: { type: 'boolean', default: false },
    'skip-drift': { type: 'boolean', default: false },
    migrations: { type: 'string', default: defaultMigrationsDir },
    help: { type: 'boolean', default: false },
  },
});
if (options.help) {
  console.log('usage: node tools/migrations/check-migrations.mjs [--base <ref>] [--all] [--skip-drift] [--migrations <dir>]');
  process.exit(0);
}
const migrationsDir = path.resolve(options.migrations);
const shownDir = path.relative(repoRoot, migrationsDir).startsWith('..') ? migrationsDir : path.relative(repoRoot, migrationsDir);

/** One folder's verdicts: [passed, check, detail]. */
class FolderReport {
  constructor(name, status) {
    this.name = name;
    this.status = status;
    this.results = [];
  }
  pass(check, detail = '') {
    this.results.push([true, check, detail]);
  }
  fail(check, detail) {
    this.results.push([false, check, detail]);
  }
  get failed() {
    return this.results.some(([passed]) => !passed);
  }
}

/** Which folders to check, and how each stands against the base. */
async function collectFolders(working) {
  if (options.all) {
    console.log(`Checking every migration in ${shownDir} (--all)`);
    const reports = working.map((name) => new FolderReport(name, 'checked'));
    // Without a base, order is only checked within the folder: two migrations may not share a timestamp.
    const stamps = new Map();
    for (const report of reports) {
      const stamp = report.name.slice(0, 14);
      if (stamps.has(stamp)) report.fail('naming', `shares its timestamp with ${stamps.get(stamp)}: Prisma's order between them is arbitrary`);
      stamps.set(stamp, report.name);
    }
    return { reports, latestOnBase: undefined, baseSha: await resolveBase(migrationsDir, 'HEAD').then((head) => head.sha, () => undefined) };
  }
  const base = await resolveBase(migrationsDir, options.base);
  console.log(`Checking migrations in ${shownDir} against ${base.ref} (${base.sha.slice(0, 10)}), uncommitted changes included`);
  const { onBase, working: files } = await compareWithBase(migrationsDir, base.sha, working);
  const reports = [];
  for (const [name, baseFiles] of onBase) {
    if (!files.has(name)) {
      const report = new FolderReport(name, 'deleted');
      report.fail('history', 'exists on the base but not here: deployed migrations are never deleted (or this branch is behind the base: rebase it)');
      reports.push(report);
      continue;
    }
    const workingFiles = files.get(name);
    if (baseFiles.get('migration.sql') !== workingFiles.get('migration.sql')) {
      const report = new FolderReport(name, 'edited');
      report.fail('history', 'migration.sql differs from the base: deployed migrations are never edited; undo the edit and add a new migration for the fix');
      reports.push(report);
    } else if ([...new Set([...baseFiles.keys(), ...workingFiles.keys()])].some((file) => baseFiles.get(file) !== workingFiles.get(file))) {
      // Only the other files changed (a down.sql written or mended): they are not part of the
      // deployed checksum, so this is allowed; the folder still needs its down.sql.
      const report = new FolderReport(name, 'touched');
      report.pass('history', 'migration.sql unchanged');
      reports.push(report);
    }
  }
  const latestOnBase = [...onBase.keys()].filter((name) => onBase.get(name).has('migration.sql')).sort().at(-1);
  for (const name of working.filter((one) => !onBase.has(one))) reports.push(new FolderReport(name, 'new'));
  return { reports: reports.sort((a, b) => a.name.localeCompare(b.name)), latestOnBase, baseSha: base.sha };
}

function checkNaming(report, latestOnBase) {
  const problems = namingProblems(report.name, { latestOnBase, exemptFromVerb: report.name === BASELINE_MIGRATION });
  if (problems.length) problems.forEach((problem) => report.fail('naming', problem));
  else report.pass('naming');
}

function checkFiles(report) {
  const folder = path.join(migrationsDir, report.name);
  if (!existsSync(path.join(folder, 'migration.sql'))) report.fail('files', 'no migration.sql: Prisma would stop at this folder');
  if (report.name === BASELINE_MIGRATION) return;
  const down = path.join(folder, 'down.sql');
  if (!existsSync(down)) report.fail('down.sql', 'missing: write the SQL that returns the schema to the previous migration (if nothing can be undone, say why in a comment)');
  else if (!readFileSync(down, 'utf8').trim()) report.fail('down.sql', 'empty: write the SQL that undoes the migration, or a comment saying why nothing needs undoing');
  else report.pass('down.sql');
}

/** An expand/contract acknowledgement's release must be code the base already holds. */
function releaseVerifier(baseSha) {
  if (!baseSha) return async () => 'cannot be checked outside a git repository with commits';
  return (release) => releaseProblem(migrationsDir, release, baseSha);
}

async function checkSafety(reports, baseSha) {
  const linted = reports.filter((report) => report.name !== BASELINE_MIGRATION && existsSync(path.join(migrationsDir, report.name, 'migration.sql')));
  const results = await lintMigrations(
    linted.map((report) => path.join(migrationsDir, report.name, 'migration.sql')),
    { sameChange: !options.all, verifyRelease: releaseVerifier(baseSha) },
  );
  for (const report of linted) {
    const { open, acknowledged, problems } = results.get(path.join(migrationsDir, report.name, 'migration.sql'));
    for (const finding of open) {
      report.fail('lint', `line ${finding.line}: ${finding.rule}: ${finding.message}${finding.help ? ` (${finding.help})` : ''}`);
    }
    for (const problem of problems) report.fail('lint', `line ${problem.line}: ${problem.message}`);
    if (open.length) report.fail('lint', `if a finding is safe here, a reviewer acknowledges it directly above the statement:\n      ${ACKNOWLEDGEMENT_FORMAT}`);
    if (open.some((finding) => isContractRule(finding.rule))) {
      report.fail('lint', `a contract-* finding is safe only once a release no longer uses what it takes away; acknowledge it naming that release:\n      ${CONTRACT_ACKNOWLEDGEMENT_FORMAT}`);
    }
    if (!open.length && !problems.length) {
      const reviewed = acknowledged.map((one) => `${one.rule} at line ${one.line}, reviewed by ${one.acknowledgement.reviewer}`);
      report.pass('lint', reviewed.length ? `acknowledged: ${reviewed.join('; ')}` : 'no unsafe statements');
    }
  }
}

function print(report) {
  console.log(`\n${report.failed ? 'FAIL' : 'ok  '} ${report.name} (${report.status})`);
  for (const [passed, check, detail] of report.results) {
    console.log(`     ${passed ? 'ok  ' : 'FAIL'} ${check}${detail ? `: ${detail}` : ''}`);
  }
}

function runDrift() {
  const drift = path.join(repoRoot, 'tools/db/drift.mjs');
  if (options['skip-drift'] || !existsSync(drift)) {
    console.log(`\ndrift: skipped (${options['skip-drift'] ? '--skip-drift' : 'tools/db/drift.mjs does not exist'})`);
    return Promise.resolve(true);
  }
  console.log('\ndrift: node tools/db/drift.mjs');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [drift], { cwd: repoRoot, stdio: 'inherit' });
    child.on('error', () => resolve(false));
    child.on('close', (code) => resolve(code === 0));
  });
}

async function main() {
  const working = await listMigrationFolders(migrationsDir);
  const { reports, latestOnBase, baseSha } = await collectFolders(working);
  const fresh = reports.filter((report) => report.status === 'new' || report.status === 'checked');
  for (const report of fresh) checkNaming(report, latestOnBase);
  for (const report of reports.filter((one) => one.status !== 'deleted' && one.status !== 'edited')) checkFiles(report);
  await checkSafety(fresh, baseSha);

  if (reports.length === 0) console.log('\nno migration folder added or changed');
  reports.forEach(print);
  const driftPassed = await runDrift();
  const failed = reports.filter((report) => report.failed);
  console.log(`\n${failed.length || !driftPassed ? 'FAILED' : 'passed'}: ${reports.length} folder(s) checked, ${failed.length} failing${driftPassed ? '' : ', drift check failing'}`);
  return failed.length || !driftPassed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`check-migrations could not run: ${error.message}`);
    process.exit(2);
  },
);
