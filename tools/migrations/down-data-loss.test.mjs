import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findDestructiveStatements } from './lib/down-data-loss.mjs';

const targets = (sql) => findDestructiveStatements(sql).map(({ schema, table, column }) => [schema ?? null, table, column ?? null]);

describe('destructive statements in a down.sql', () => {
  it('finds dropped and emptied tables, quoted, qualified or folded to lower case', () => {
    assert.deepEqual(targets('-- Its indexes go with it.\nDROP TABLE "lab_results";\nDROP TABLE IF EXISTS public.Notes, "public"."Audit" CASCADE;\nTRUNCATE TABLE ONLY "refresh_tokens";'), [
      [null, 'lab_results', null],
      ['public', 'notes', null],
      ['public', 'Audit', null],
      [null, 'refresh_tokens', null],
    ]);
  });

  it('finds dropped columns among the other actions of an ALTER TABLE', () => {
    const sql = `ALTER TABLE "patients" ADD COLUMN "x" DECIMAL(4,1),
      DROP COLUMN "middleName",
      DROP CONSTRAINT "patients_x_check",
      ALTER COLUMN "phone" DROP NOT NULL,
      DROP IF EXISTS nickname;`;
    assert.deepEqual(targets(sql), [
      [null, 'patients', 'middleName'],
      [null, 'patients', 'nickname'],
    ]);
  });

  it('ignores what destroys no data', () => {
    assert.deepEqual(targets('DROP INDEX "patients_email_idx";\nDROP TYPE "LabResultStatus";\nALTER TABLE "providers" ALTER COLUMN "role" DROP DEFAULT;\nALTER TABLE "a" DROP CONSTRAINT "a_fkey";'), []);
  });
});
