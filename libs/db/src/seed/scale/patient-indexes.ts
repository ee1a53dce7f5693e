import type pg from 'pg';
import type { SeedLog } from '../progress.js';

interface IndexDefinition {
  name: string;
  definition: string;
}

/**
 * Runs `work` with the secondary indexes of patients set aside, then builds them again from their
 * own definitions (pg_get_indexdef), all in the caller's transaction: if anything fails, the
 * rollback brings the indexes back as they were. Filling a large table with every index in place
 * makes each row a random write into eight btrees bigger than the buffer cache together, which at
 * a million patients took several times longer than building them once, in order, afterwards.
 * The primary key and the indexes behind constraints stay.
 */
export async function withPatientIndexesRebuilt<T>(client: pg.Client, log: SeedLog, work: () => Promise<T>): Promise<T> {
  const { rows: indexes } = await client.query<IndexDefinition>(`
    SELECT c.relname AS name, pg_get_indexdef(x.indexrelid) AS definition
    FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid
    WHERE x.indrelid = 'public.patients'::regclass AND NOT x.indisprimary AND NOT x.indisunique
      AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = x.indexrelid)
    ORDER BY c.relname`);
  for (const index of indexes) await client.query(`DROP INDEX public.${client.escapeIdentifier(index.name)}`);
  log(`${indexes.length} indexes of patients set aside until the patients are in`);
  const result = await work();
  await client.query(`SET LOCAL maintenance_work_mem = '256MB'`);
  for (const index of indexes) {
    await client.query(index.definition);
    log(`index ${index.name} rebuilt`);
  }
  return result;
}
