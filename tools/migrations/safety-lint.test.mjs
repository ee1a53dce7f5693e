import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { lintMigrations } from './lib/safety-lint.mjs';

let dir;
before(async () => (dir = await mkdtemp(path.join(os.tmpdir(), 'clinic-lint-'))));
after(() => rm(dir, { recursive: true, force: true }));

let count = 0;
async function lint(sql, options) {
  const file = path.join(dir, `${++count}.sql`);
  await writeFile(file, sql);
  return (await lintMigrations([file], options)).get(file);
}
const rules = (findings) => findings.map((finding) => finding.rule).sort();
const ACK = 'reviewed by Dana Reyes, reason: patients holds about 2,000 rows; the lock lasts milliseconds';
const CONTRACTED = 'reviewed by Dana Reyes, contracted in v2024.06.0, reason: the API stopped using it in v2024.06.0';

describe('safety lint', () => {
  it('passes what Prisma generates for a new table, its indexes and foreign keys', async () => {
    const result = await lint(`-- CreateTable
CREATE TABLE "lab_results" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "patientId" UUID NOT NULL,
    "value" VARCHAR(255) NOT NULL,
    "takenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "lab_results_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "lab_results_patientId_idx" ON "lab_results"("patientId");
ALTER TABLE "lab_results" ADD CONSTRAINT "lab_results_patientId_fkey" FOREIGN KEY ("patientId") REFERENCES "patients"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "providers" ADD COLUMN "isActive" BOOLEAN NOT NULL DEFAULT true;
`);
    assert.deepEqual(result.open, []);
    assert.deepEqual(result.problems, []);
  });

  it('flags the unsafe operations the issue names', async () => {
    const result = await lint(`ALTER TABLE "patients" DROP COLUMN "address";
DROP TABLE "allergies";
ALTER TABLE "patients" RENAME COLUMN "phone" TO "phoneNumber";
ALTER TABLE "patients" RENAME TO "people";
ALTER TABLE "patients" ALTER COLUMN "phone" SET DATA TYPE VARCHAR(20);
ALTER TABLE "patients" ADD COLUMN "preferredLanguage" TEXT NOT NULL;
CREATE INDEX "patients_dateOfBirth_idx" ON "patients"("dateOfBirth");
`);
    assert.deepEqual(rules(result.open), [
      'adding-required-field',
      'ban-drop-column',
      'ban-drop-table',
      'changing-column-type',
      'contract-column-type',
      'contract-drop-column',
      'contract-drop-table',
      'contract-rename-column',
      'contract-rename-table',
      'contract-required-column',
      'renaming-column',
      'renaming-table',
      'require-concurrent-index-creation',
    ]);
  });

  it('lints a concurrent index as run outside a transaction, where it asks for IF NOT EXISTS', async () => {
    const result = await lint('CREATE INDEX CONCURRENTLY "patients_dob_idx" ON "patients"("dateOfBirth");\n');
    assert.deepEqual(rules(result.open), ['prefer-robust-stmts']);
    assert.deepEqual((await lint('CREATE INDEX CONCURRENTLY IF NOT EXISTS "patients_dob_idx" ON "patients"("dateOfBirth");\n')).open, []);
  });

  it('accepts a reviewed acknowledgement directly above the statement, covering all of its lines', async () => {
    const result = await lint(`-- AlterTable
-- migration-safety: allow ban-drop-column, adding-required-field — ${ACK}
-- migration-safety: allow contract-drop-column, contract-required-column — ${CONTRACTED}
ALTER TABLE "patients"
    ADD COLUMN "x" TEXT NOT NULL,
    DROP COLUMN "address";
`);
    assert.deepEqual(result.open, []);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(rules(result.acknowledged), ['adding-required-field', 'ban-drop-column', 'contract-drop-column', 'contract-required-column']);
    assert.equal(result.acknowledged[0].acknowledgement.reviewer, 'Dana Reyes');
  });

  it('covers only the statement below it', async () => {
    const result = await lint(`-- migration-safety: allow ban-drop-column, contract-drop-column — ${CONTRACTED}
ALTER TABLE "patients" DROP COLUMN "address";
ALTER TABLE "patients" DROP COLUMN "phone";
`);
    assert.deepEqual(result.open.map((finding) => [finding.line, finding.rule]).sort(), [[3, 'ban-drop-column'], [3, 'contract-drop-column']]);
  });

  it('refuses an acknowledgement without a reviewer or reason, a placeholder, or squawk-ignore', async () => {
    const missing = await lint('-- migration-safety: allow ban-drop-column\nALTER TABLE "patients" DROP COLUMN "address";\n');
    assert.match(missing.problems[0].message, /malformed acknowledgement/);
    assert.deepEqual(rules(missing.open), ['ban-drop-column', 'contract-drop-column']);

    const placeholder = await lint('-- migration-safety: allow ban-drop-column — reviewed by <name>, reason: <why it is safe here>\nALTER TABLE "patients" DROP COLUMN "address";\n');
    assert.match(placeholder.problems[0].message, /placeholder/);

    const ignored = await lint('-- squawk-ignore ban-drop-column\nALTER TABLE "patients" DROP COLUMN "address";\n');
    assert.match(ignored.problems.map((problem) => problem.message).join(), /squawk-ignore comments are not accepted/);
  });

  it('refuses an acknowledgement that covers nothing, or that is not above a statement', async () => {
    const stale = await lint(`-- migration-safety: allow ban-drop-table — ${ACK}\nALTER TABLE "patients" ADD COLUMN "x" TEXT;\n`);
    assert.match(stale.problems[0].message, /acknowledges ban-drop-table, but the statement below it does not trigger that rule/);

    const dangling = await lint(`ALTER TABLE "patients" ADD COLUMN "x" TEXT;\n-- migration-safety: allow ban-drop-table — ${ACK}\n`);
    assert.match(dangling.problems[0].message, /directly above the statement/);
  });
});

describe('expand/contract', () => {
  it('flags only what takes something away from the previous release', async () => {
    const result = await lint(`ALTER TABLE "patients" ADD COLUMN "nickname" VARCHAR(255);
ALTER TABLE "patients" ADD COLUMN "language" VARCHAR(35) NOT NULL DEFAULT 'en', DROP CONSTRAINT "patients_phone_key";
ALTER TABLE "patients" ALTER COLUMN "nickname" SET DEFAULT 'none', ALTER COLUMN "phone" DROP NOT NULL;
ALTER TABLE "patients" RENAME CONSTRAINT "a" TO "b";
ALTER TABLE "patients" ALTER COLUMN "language" SET NOT NULL;
ALTER TABLE "patients" ALTER COLUMN "address" SET NOT NULL;
`);
    // "language" is added by this very migration: no released code knows it.
    assert.deepEqual(result.open.filter((finding) => finding.rule.startsWith('contract-')).map((finding) => [finding.line, finding.rule, finding.message]), [
      [6, 'contract-required-column', 'makes patients.address required, which the previous release may leave empty'],
    ]);
  });

  it('exempts tables and columns the same change introduces, across its migrations', async () => {
    const first = path.join(dir, 'change-1.sql');
    const second = path.join(dir, 'change-2.sql');
    await writeFile(first, 'CREATE TABLE "lab_results" ("id" UUID NOT NULL);\nALTER TABLE "patients" ADD COLUMN "nickname" TEXT;\n');
    await writeFile(second, `ALTER TABLE "lab_results" ADD COLUMN "value" TEXT NOT NULL;
-- migration-safety: allow ban-drop-column — ${ACK}
ALTER TABLE "patients" DROP COLUMN "nickname";
-- migration-safety: allow ban-drop-table — ${ACK}
DROP TABLE "lab_results";
`);
    const change = await lintMigrations([first, second]);
    assert.deepEqual(change.get(second).open.filter((finding) => finding.rule.startsWith('contract-')), []);
    // Checked one file at a time (check-migrations --all), the other file introduces nothing.
    const apart = await lintMigrations([second], { sameChange: false });
    assert.deepEqual(rules(apart.get(second).open.filter((finding) => finding.rule.startsWith('contract-'))), ['contract-drop-column', 'contract-drop-table', 'contract-required-column']);
  });

  it('asks an acknowledgement of a contract rule for the release, and checks it', async () => {
    const sql = (ack) => `-- migration-safety: allow ban-drop-column, contract-drop-column — ${ack}\nALTER TABLE "patients" DROP COLUMN "address";\n`;
    const noRelease = await lint(sql(ACK));
    assert.match(noRelease.problems[0].message, /a contract-\* rule needs the release that no longer uses what the statement takes away/);

    const unverified = await lint(sql(CONTRACTED));
    assert.deepEqual([unverified.open, unverified.problems], [[], []]);
    const verified = await lint(sql(CONTRACTED), { verifyRelease: async (release) => (release === 'v2024.06.0' ? 'not a tag or commit of this repository' : undefined) });
    assert.deepEqual(verified.problems.map((problem) => problem.message), ['contracted in v2024.06.0: not a tag or commit of this repository']);

    const releaseWithoutContract = await lint(`-- migration-safety: allow ban-drop-column — ${CONTRACTED}\nALTER TABLE "patients" DROP COLUMN "address";\n`);
    assert.match(releaseWithoutContract.problems[0].message, /"contracted in" belongs to acknowledgements of contract-\* rules only/);
  });
});
