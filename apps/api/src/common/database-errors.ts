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

/**
 * Why the database is unavailable, in words an operator's log may carry (never a row's value):
 * the first reason of an outage is logged once (database-availability.ts).
 */
export type UnavailableReason = 'cannot connect' | 'connection lost' | 'timed out' | 'too many connections' | 'read-only';

// Prisma's codes for a database it cannot reach or lost, and for the pool's acquire timeout
// (P2024) and a transaction it could not start or keep in time (P2028).
const PRISMA_CODES: Record<string, UnavailableReason> = {
  P1001: 'cannot connect',
  P1002: 'timed out',
  P1008: 'timed out',
  P1017: 'connection lost',
  P2024: 'timed out',
  P2028: 'timed out',
};
// The pg adapter's kinds for socket failures (DriverAdapterError's cause).
const ADAPTER_KINDS: Record<string, UnavailableReason> = {
  DatabaseNotReachable: 'cannot connect',
  ConnectionClosed: 'connection lost',
  SocketTimeout: 'timed out',
  TooManyConnections: 'too many connections',
  TransactionAlreadyClosed: 'timed out',
};
// Node's socket errors, when a pool error escapes Prisma's wrapping.
const SOCKET_ERRORS: Record<string, UnavailableReason> = {
  ECONNREFUSED: 'cannot connect',
  ENOTFOUND: 'cannot connect',
  EHOSTUNREACH: 'cannot connect',
  ECONNRESET: 'connection lost',
  EPIPE: 'connection lost',
  ETIMEDOUT: 'timed out',
};
// pg's own errors carry no code, only these messages; Prisma's adapter passes them through
// unwrapped (convertDriverError rethrows what it does not know). The longer text first.
const PG_MESSAGES: [RegExp, UnavailableReason][] = [
  [/^Connection terminated due to connection timeout/, 'timed out'],
  [/^timeout exceeded when trying to connect/, 'timed out'],
  [/^Connection terminated/, 'connection lost'],
  [/^Client has encountered a connection error and is not queryable/, 'connection lost'],
  [/^Client was closed and is not queryable/, 'connection lost'],
];

/**
 * SQLSTATEs: admin_shutdown, crash_shutdown (57P01, 57P02), cannot_connect_now while the server
 * starts or stops (57P03), the connection exception class (08), too_many_connections (53300),
 * read_only_sql_transaction (25006: a replica, or a primary demoted under us after a failover,
 * refusing a write). A statement cancelled by statement_timeout (57014) counts too: the
 * database is too slow to answer now, its transaction was rolled back, and a retry later is
 * right; a cancel by an operator (the same code, another message) does not.
 */
function reasonOfState(state: string, message: string | undefined): UnavailableReason | undefined {
  if (state === '57P03') return 'cannot connect';
  if (state === '57P01' || state === '57P02' || state.startsWith('08')) return 'connection lost';
  if (state === '53300') return 'too many connections';
  if (state === '25006') return 'read-only';
  if (state === '57014' && message !== undefined && /statement timeout/.test(message)) return 'timed out';
  return undefined;
}

/**
 * The error and what it wraps: Error.cause, Prisma's meta.driverAdapterError and its cause, a
 * DriverAdapterError's cause. Bounded, and safe against cycles.
 */
function* causeChain(error: unknown): Generator<Record<string, unknown>> {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.size < 16) {
    const next = queue.shift();
    if (typeof next !== 'object' || next === null || seen.has(next)) continue;
    seen.add(next);
    const record = next as Record<string, unknown>;
    yield record;
    const meta = record.meta as { driverAdapterError?: unknown } | undefined;
    queue.push(record.cause, meta?.driverAdapterError);
  }
}

/** Why the database is unavailable, when `error` says it is; undefined for any other error. */
export function unavailableReasonOf(error: unknown): UnavailableReason | undefined {
  if (error instanceof Prisma.PrismaClientInitializationError) return 'cannot connect';
  for (const link of causeChain(error)) {
    const { code, kind, originalCode, originalMessage, message } = link as Record<string, string | undefined>;
    if (link instanceof Prisma.PrismaClientKnownRequestError && code && Object.hasOwn(PRISMA_CODES, code)) return PRISMA_CODES[code];
    if (typeof kind === 'string' && Object.hasOwn(ADAPTER_KINDS, kind)) return ADAPTER_KINDS[kind];
    const state = typeof originalCode === 'string' ? originalCode : code;
    if (typeof state === 'string' && /^[0-9A-Z]{5}$/.test(state)) {
      const reason = reasonOfState(state, typeof originalMessage === 'string' ? originalMessage : message);
      if (reason) return reason;
    }
    if (typeof code === 'string' && Object.hasOwn(SOCKET_ERRORS, code)) return SOCKET_ERRORS[code];
    if (typeof message === 'string' && code === undefined) {
      const match = PG_MESSAGES.find(([pattern]) => pattern.test(message));
      if (match) return match[1];
    }
  }
  return undefined;
}

export function isDatabaseUnavailable(error: unknown): boolean {
  return unavailableReasonOf(error) !== undefined;
}

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
