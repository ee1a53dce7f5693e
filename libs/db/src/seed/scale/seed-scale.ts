// The scale seed: the development clinic plus N synthetic patients (a million for the benchmark),
// written by set-based SQL a chunk at a time. See docs/performance.md.
import { createHash } from 'node:crypto';
import pg from 'pg';
import { createPrismaClient } from '../../client.js';
import { DEVELOPMENT_STAFF } from '../staff.js';
import { SeedRefused } from '../errors.js';
import type { SeedLog } from '../progress.js';
import { silentLog } from '../progress.js';
import { seedDatabase } from '../seed-database.js';
import { scaleHistoryStatements } from './history-sql.js';
import { withPatientIndexesRebuilt } from './patient-indexes.js';
import { SCALE_PATIENT_EXISTS_SQL, SCALE_PATIENTS_SQL, scalePatientParameters } from './patients-sql.js';
import { assertTakesScaleData } from './standing.js';

export interface ScaleSeedOptions {
  /** How many scale patients the database should hold when done. */
  patients: number;
  log?: SeedLog;
  /** Patients per statement; each chunk commits with its charts, unless the indexes are rebuilt. */
  chunkSize?: number;
  /**
   * From how many patients added (when that at least doubles the table) the whole run is one
   * transaction that builds the indexes of patients afterwards instead of growing them row by row.
   */
  rebuildIndexesFrom?: number;
}

export interface ScaleSeedSummary {
  /** Scale patients found before this run, and added by it. */
  existing: number;
  added: number;
  /** The patient with the long history (the chart benchmark's). */
  longHistoryPatientId: string;
  durationMs: number;
}

/** The id the scale seed gives patient g (the TypeScript twin of scaleId('patient', g)). */
export function scalePatientId(g: number): string {
  const hex = createHash('md5').update(`scale/patient/${g}`).digest('hex');
  const fixed = `${hex.slice(0, 12)}8${hex.slice(13, 16)}8${hex.slice(17)}`;
  return `${fixed.slice(0, 8)}-${fixed.slice(8, 12)}-${fixed.slice(12, 16)}-${fixed.slice(16, 20)}-${fixed.slice(20)}`;
}

async function clinicianIds(client: pg.Client): Promise<string[]> {
  const emails = DEVELOPMENT_STAFF.filter((member) => member.role === 'clinician').map((member) => member.email);
  const { rows } = await client.query<{ id: string }>(`SELECT "id" FROM "providers" WHERE "email" = ANY ($1) ORDER BY "email"`, [emails]);
  return rows.map((row) => row.id);
}

/** How many of patients 1…limit exist: chunks commit in order, so they are 1…n for some n. */
async function countScalePatients(client: pg.Client, limit: number): Promise<number> {
  const exists = async (g: number) => (await client.query<{ exists: boolean }>(SCALE_PATIENT_EXISTS_SQL, [g])).rows[0]!.exists;
  let [present, absent] = [0, limit + 1];
  while (absent - present > 1) {
    const middle = Math.floor((present + absent) / 2);
    if (await exists(middle)) present = middle;
    else absent = middle;
  }
  return present;
}

async function inTransaction<T>(client: pg.Client, work: () => Promise<T>): Promise<T> {
  await client.query('BEGIN');
  try {
    const result = await work();
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

async function insertChunk(client: pg.Client, first: number, last: number, clinicians: readonly string[]): Promise<void> {
  await client.query(SCALE_PATIENTS_SQL, [first, last, ...scalePatientParameters()]);
  for (const statement of scaleHistoryStatements(first, last, clinicians)) await client.query(statement.sql, statement.values);
}

/**
 * Brings the database to `patients` scale patients (a second run with the same number adds
 * nothing), after the development seed. Refuses (SeedRefused, nothing written) any database but a
 * development or an empty one.
 */
export async function seedScale(databaseUrl: string, options: ScaleSeedOptions): Promise<ScaleSeedSummary> {
  const log = options.log ?? silentLog;
  const chunkSize = options.chunkSize ?? 50_000;
  if (!Number.isSafeInteger(options.patients) || options.patients < 1 || options.patients > 100_000_000) {
    throw new SeedRefused('invalid-patient-count', `--patients must be a whole number from 1 to 100000000, not ${options.patients}`);
  }
  const started = performance.now();
  const seconds = () => ((performance.now() - started) / 1000).toFixed(1);

  const prisma = createPrismaClient({ databaseUrl, poolSize: 1 });
  try {
    await assertTakesScaleData(databaseUrl, prisma);
    // The accounts the benchmark signs in with, and the development mark.
    await seedDatabase(prisma, 'development', { log });
  } finally {
    await prisma.$disconnect();
  }

  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // Synthetic rows that a crash would only make the next run insert again.
    await client.query('SET synchronous_commit = off');
    const clinicians = await clinicianIds(client);
    const existing = await countScalePatients(client, options.patients);
    if (existing > 0) log(`scale patients ${existing}/${options.patients} already there`);
    const adding = Math.max(0, options.patients - existing);
    const { rows } = await client.query<{ patients: number }>('SELECT count(*)::int AS patients FROM "patients"');
    const rebuild = adding >= (options.rebuildIndexesFrom ?? 100_000) && adding >= rows[0]!.patients;
    const insertChunks = async (oneTransaction: boolean) => {
      for (let first = existing + 1; first <= options.patients; first += chunkSize) {
        const last = Math.min(options.patients, first + chunkSize - 1);
        const chunk = () => insertChunk(client, first, last, clinicians);
        await (oneTransaction ? chunk() : inTransaction(client, chunk));
        log(`scale patients ${last}/${options.patients} (${seconds()} s)`);
      }
    };
    if (rebuild) await inTransaction(client, () => withPatientIndexesRebuilt(client, log, () => insertChunks(true)));
    else await insertChunks(false);
    if (adding > 0) {
      // The commits above did not wait for the disk, and VACUUM marks no page all-visible while the
      // commit of its rows is not yet flushed: run straight after them, it left almost every page of
      // patients unmarked, and index-only reads of names visited the table. A transaction that
      // takes an id and commits synchronously waits for the whole log before it.
      await client.query('SET synchronous_commit = on');
      await client.query('SELECT txid_current()');
      // Fresh statistics for the planner, and the visibility map that lets index-only scans skip the table.
      log('vacuum and analyze');
      await client.query('VACUUM (ANALYZE)');
    }
    return {
      existing,
      added: adding,
      longHistoryPatientId: scalePatientId(1),
      durationMs: Math.round(performance.now() - started),
    };
  } finally {
    await client.end();
  }
}
