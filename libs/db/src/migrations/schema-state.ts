// How the database's migrations stand against the code's: what /health/ready, `nx run
// db:migrate-status --json`, the deploy and the seed decide from.
import type { MigrationHistoryRow } from './history.js';
import { type MigrationFile, matchesRecordedChecksum } from './migration-files.js';

export interface SchemaState {
  /** The code's migrations can all be used: nothing pending, failed or edited, no foreign history. */
  ready: boolean;
  /** The newest migration applied to the database (its name), or null when none is. */
  version: string | null;
  /** The newest migration the code carries. */
  codeVersion: string | null;
  /** In the code and applied. */
  applied: string[];
  /** In the code, not applied (never, or rolled back). */
  pending: string[];
  /** Applied but not in the code, and older than the code's newest: another branch's history. */
  unknown: string[];
  /**
   * Applied, not in the code, and newer than everything the code has: the next release's
   * migrations, already deployed while this release still serves. Expand/contract keeps that
   * safe (docs/migrations.md), so it does not make the code unready.
   */
  ahead: string[];
  /** Started and never finished, not resolved: Prisma refuses to deploy (P3009). */
  failed: string[];
  /** Applied, but the code's migration.sql is no longer the one that ran. */
  checksumMismatches: string[];
}

/** Compares the code's migrations with the database's history. Pure: reads nothing. */
export function compareMigrations(code: readonly MigrationFile[], history: readonly MigrationHistoryRow[]): SchemaState {
  const inCode = new Map(code.map((file) => [file.name, file]));
  const live = history.filter((row) => !row.rolled_back_at);
  const finished = live.filter((row) => row.finished_at);
  const appliedNames = new Set(finished.map((row) => row.migration_name));
  const codeVersion = code.map((file) => file.name).sort().at(-1) ?? null;

  const foreign = [...appliedNames].filter((name) => !inCode.has(name)).sort();
  const ahead = foreign.filter((name) => codeVersion === null || name > codeVersion);
  const state: Omit<SchemaState, 'ready'> = {
    version: [...appliedNames].sort().at(-1) ?? null,
    codeVersion,
    applied: code.filter((file) => appliedNames.has(file.name)).map((file) => file.name),
    pending: code.filter((file) => !appliedNames.has(file.name)).map((file) => file.name),
    unknown: foreign.filter((name) => !ahead.includes(name)),
    ahead,
    failed: [...new Set(live.filter((row) => !row.finished_at).map((row) => row.migration_name))].sort(),
    checksumMismatches: [
      ...new Set(finished.filter((row) => inCode.has(row.migration_name) && !matchesRecordedChecksum(inCode.get(row.migration_name)!, row.checksum)).map((row) => row.migration_name)),
    ].sort(),
  };
  const ready = state.pending.length === 0 && state.unknown.length === 0 && state.failed.length === 0 && state.checksumMismatches.length === 0;
  return { ready, ...state };
}

/** One line for people: what keeps the schema from being ready, or its version. */
export function describeSchemaState(state: SchemaState): string {
  if (state.ready) {
    const ahead = state.ahead.length ? ` (the database is ahead of the code by ${state.ahead.length} migration(s), the latest ${state.ahead.at(-1)})` : '';
    return `schema is current at ${state.version ?? 'no migration'}${ahead}`;
  }
  const parts = [
    state.pending.length && `${state.pending.length} pending (${state.pending.join(', ')})`,
    state.failed.length && `failed: ${state.failed.join(', ')}`,
    state.checksumMismatches.length && `edited since applied: ${state.checksumMismatches.join(', ')}`,
    state.unknown.length && `applied but not in the code: ${state.unknown.join(', ')}`,
  ].filter(Boolean);
  return `schema is not ready: ${parts.join('; ')}`;
}
