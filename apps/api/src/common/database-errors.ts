import { Prisma } from '@clinic/db';

// What the database's refusals mean, written once. Prisma 7 hands PostgreSQL's errors over
// through the driver adapter: a PrismaClientKnownRequestError whose meta.driverAdapterError.cause
// carries the SQLSTATE (originalCode) and message, or a mapped kind for connection failures.
// Repositories translate the refusals their feature expects into domain errors
// (translateRefusals); the error filter answers the rest with a 4xx or a 503 (refusalOf), so that
// no refusal a client can provoke becomes a 500.

export type DatabaseRefusal =
  /** A unique index refused the row (23505). */
  | 'unique'
  /** A foreign key: the row refers to one that does not exist, or is still referred to (23503, 23001). */
  | 'foreign_key'
  /** An exclusion constraint (23P01), e.g. overlapping appointments. */
  | 'exclusion'
  /** A check or not-null constraint (23514, 23502). */
  | 'check'
  /** A trigger that guards a rule (signed records, sealed visits, append-only tables) raised 23000. */
  | 'guarded'
  /** A conditional update or delete found no row (Prisma's P2025). */
  | 'record_missing'
  /** A value the column cannot hold: out of range, bad text, too long, bad date (class 22). */
  | 'invalid_value'
  /** Two transactions collided (40001, 40P01): nothing was written, a retry may succeed. */
  | 'write_conflict'
  /** The database cannot be reached or went away: nothing was committed. */
  | 'unavailable';

interface AdapterCause {
  kind?: string;
  originalCode?: string;
  originalMessage?: string;
}

function adapterCause(error: unknown): AdapterCause | undefined {
  const meta = (error as { meta?: { driverAdapterError?: { cause?: unknown } } } | null)?.meta;
  const cause = meta?.driverAdapterError?.cause;
  return typeof cause === 'object' && cause !== null ? (cause as AdapterCause) : undefined;
}

/** The PostgreSQL SQLSTATE behind an error, when the driver passed one through. */
export function sqlStateOf(error: unknown): string | undefined {
  const code = adapterCause(error)?.originalCode ?? (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) ? code : undefined;
}

/** PostgreSQL's own message (never shown to clients: it may quote a row's values). */
export function databaseMessageOf(error: unknown): string | undefined {
  return adapterCause(error)?.originalMessage ?? (error as { message?: string } | null)?.message;
}

// Prisma's codes for an engine or pool that cannot reach the database, and the adapter's kinds.
const UNAVAILABLE_PRISMA_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
const UNAVAILABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections', 'TransactionAlreadyClosed']);
// admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections, connection class 08,
// read_only_sql_transaction (a replica promoted away from, or a primary demoted under us).
const UNAVAILABLE_STATES = /^(57P0[123]|53300|08...|25006)$/;
// Node's socket errors, when a pool error escapes Prisma's wrapping.
const SOCKET_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);

const REFUSAL_BY_STATE: Record<string, DatabaseRefusal> = {
  '23505': 'unique',
  '23503': 'foreign_key',
  '23001': 'foreign_key',
  '23P01': 'exclusion',
  '23514': 'check',
  '23502': 'check',
  '23000': 'guarded',
  '40001': 'write_conflict',
  '40P01': 'write_conflict',
};

/** What kind of refusal an error is, or undefined for anything else (a defect: 500). */
export function refusalOf(error: unknown): DatabaseRefusal | undefined {
  const prismaCode = error instanceof Prisma.PrismaClientKnownRequestError ? error.code : undefined;
  if (prismaCode === 'P2025') return 'record_missing';
  if (isDatabaseUnavailable(error)) return 'unavailable';
  const state = sqlStateOf(error);
  if (state !== undefined) {
    if (REFUSAL_BY_STATE[state]) return REFUSAL_BY_STATE[state];
    if (state.startsWith('22')) return 'invalid_value';
  }
  if (prismaCode === 'P2002') return 'unique';
  if (prismaCode === 'P2003') return 'foreign_key';
  return undefined;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientInitializationError) return true;
  if (error instanceof Prisma.PrismaClientKnownRequestError && UNAVAILABLE_PRISMA_CODES.has(error.code)) return true;
  const cause = adapterCause(error);
  if (cause?.kind && UNAVAILABLE_KINDS.has(cause.kind)) return true;
  const state = sqlStateOf(error);
  if (state !== undefined && UNAVAILABLE_STATES.test(state)) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && SOCKET_ERRORS.has(code);
}

/**
 * Runs a write and turns the refusals its feature expects into the feature's domain errors
 * (an overlap into AppointmentOverlap, a unique email into ProviderEmailTaken …); any other error
 * passes through unchanged.
 */
export async function translateRefusals<T>(
  write: () => Promise<T>,
  answers: Partial<Record<DatabaseRefusal, (error: unknown) => Error | undefined>>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const refusal = refusalOf(error);
    const answer = refusal === undefined ? undefined : answers[refusal]?.(error);
    if (answer) throw answer;
    throw error;
  }
}

/** A conditional write (`update` with the version in its where) that lost its race: null instead of P2025. */
export async function nullWhenMissing<T>(write: () => Promise<T>): Promise<T | null> {
  try {
    return await write();
  } catch (error) {
    if (refusalOf(error) === 'record_missing') return null;
    throw error;
  }
}
