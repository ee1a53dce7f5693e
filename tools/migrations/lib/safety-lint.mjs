// The safety lint: squawk over each new migration.sql, with the rules .squawk.toml turns on, and
// the expand/contract check (lib/expand-contract.mjs), less what a reviewed acknowledgement covers.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { needsNoTransaction } from '../../prisma-engine/split-sql.mjs';
import { applyAcknowledgements, namedReleases, readAcknowledgements } from './acknowledgements.mjs';
import { findContractions, introducedObjects } from './expand-contract.mjs';
import { repoRoot } from './paths.mjs';

const run = promisify(execFile);
const squawkBin = path.join(path.dirname(createRequire(import.meta.url).resolve('squawk-cli/package.json')), 'js/bin/squawk');
export const squawkConfig = path.join(repoRoot, '.squawk.toml');

async function squawk(files, inTransaction) {
  if (files.length === 0) return [];
  const args = [squawkBin, '--config', squawkConfig, '--reporter', 'json', inTransaction ? '--assume-in-transaction' : '--no-assume-in-transaction', ...files];
  // Exit 1 only means "found something"; anything else is squawk failing to run.
  const { stdout, stderr } = await run(process.execPath, args, { maxBuffer: 64 * 1024 * 1024 }).catch((error) => {
    if (error.code === 1 && error.stdout?.trim().startsWith('[')) return error;
    throw new Error(`squawk failed to run (exit ${error.code}): ${error.stderr || error.message}`);
  });
  try {
    return JSON.parse(stdout || '[]');
  } catch {
    throw new Error(`squawk printed something other than its JSON report: ${stdout}\n${stderr}`);
  }
}

/**
 * Lints migration.sql files. Returns, per file: `open` findings (unsafe, not acknowledged),
 * `acknowledged` ones, and `problems` with the acknowledgements themselves.
 *   sameChange: the files are one change (new migrations of a branch): a table or column one of
 *     them introduces is exempt from the expand/contract check in all of them. Otherwise (every
 *     folder checked at once) only within the same file.
 *   verifyRelease(release): what is wrong with a release named by "contracted in", or undefined.
 */
export async function lintMigrations(files, { sameChange = true, verifyRelease } = {}) {
  const sources = new Map(await Promise.all(files.map(async (file) => [file, await readFile(file, 'utf8')])));
  // The deploy runs a script holding CREATE INDEX CONCURRENTLY (or another statement PostgreSQL
  // refuses in a transaction) statement by statement: squawk judges each file as it will run.
  const outside = files.filter((file) => needsNoTransaction(sources.get(file)));
  const inTransaction = files.filter((file) => !outside.includes(file));
  const findings = [...(await squawk(inTransaction, true)), ...(await squawk(outside, false))];
  const changeIntroduces = introducedObjects([...sources.values()]);
  const results = new Map();
  for (const file of files) {
    const source = sources.get(file);
    const acknowledgements = readAcknowledgements(source);
    const violations = findings
      .filter((finding) => path.resolve(finding.file) === path.resolve(file))
      // squawk counts lines from 0.
      .map((finding) => ({ line: finding.line + 1, rule: finding.rule_name, message: finding.message, help: finding.help }));
    for (const contraction of findContractions(source, sameChange ? changeIntroduces : introducedObjects([source]))) {
      violations.push({ line: acknowledgements.statements[contraction.statementIndex].firstLine, rule: contraction.rule, message: contraction.message, help: contraction.help });
    }
    const releaseProblems = new Map();
    for (const release of verifyRelease ? namedReleases(acknowledgements) : []) {
      const problem = await verifyRelease(release);
      if (problem) releaseProblems.set(release, problem);
    }
    results.set(file, applyAcknowledgements(acknowledgements, violations, { releaseProblems }));
  }
  return results;
}
