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
async function lint(sql) {
  const file = path.join(dir, `${++count}.sql`);
  await writeFile(file, sql);
  return (await lintMigrations([file])).get(file);
}
const rules = (findings) => findings.map((finding) => finding.rule).sort();
const ACK = 'reviewed by Dana Reyes, reason: patients holds about 2,000 rows; the lock lasts milliseconds';

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
    assert.deepEqual(rules(result.open), ['adding-required-field', 'ban-drop-column', 'ban-drop-table', 'changing-column-type', 'renaming-column', 'renaming-table', 'require-concurrent-index-creation']);
  });

  it('lints a concurrent index as run outside a transaction, where it asks for IF NOT EXISTS', async () => {
    const result = await lint('CREATE INDEX CONCURRENTLY "patients_dob_idx" ON "patients"("dateOfBirth");\n');
    assert.deepEqual(rules(result.open), ['prefer-robust-stmts']);
    assert.deepEqual((await lint('CREATE INDEX CONCURRENTLY IF NOT EXISTS "patients_dob_idx" ON "patients"("dateOfBirth");\n')).open, []);
  });

  it('accepts a reviewed acknowledgement directly above the statement, covering all of its lines', async () => {
    const result = await lint(`-- AlterTable
-- migration-safety: allow ban-drop-column, adding-required-field — ${ACK}
ALTER TABLE "patients"
    ADD COLUMN "x" TEXT NOT NULL,
    DROP COLUMN "address";
`);
    assert.deepEqual(result.open, []);
    assert.deepEqual(result.problems, []);
    assert.deepEqual(rules(result.acknowledged), ['adding-required-field', 'ban-drop-column']);
    assert.equal(result.acknowledged[0].acknowledgement.reviewer, 'Dana Reyes');
  });

  it('covers only the statement below it', async () => {
    const result = await lint(`-- migration-safety: allow ban-drop-column — ${ACK}
ALTER TABLE "patients" DROP COLUMN "address";
ALTER TABLE "patients" DROP COLUMN "phone";
`);
    assert.deepEqual(result.open.map((finding) => [finding.line, finding.rule]), [[3, 'ban-drop-column']]);
  });

  it('refuses an acknowledgement without a reviewer or reason, a placeholder, or squawk-ignore', async () => {
    const missing = await lint('-- migration-safety: allow ban-drop-column\nALTER TABLE "patients" DROP COLUMN "address";\n');
    assert.match(missing.problems[0].message, /malformed acknowledgement/);
    assert.deepEqual(rules(missing.open), ['ban-drop-column']);

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
