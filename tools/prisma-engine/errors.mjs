// Errors in the shapes the Prisma CLI reads from its schema engine, so that it prints Prisma's
// own codes (P1001, P3018 …) and messages, as it does with the native engine.

/** A known Prisma error: a code from Prisma's error reference and its message. */
export class KnownEngineError extends Error {
  constructor(code, message, meta = {}) {
    super(message);
    this.code = code;
    this.meta = meta;
  }
}

/**
 * The JSON-RPC `error` member for an error thrown by the WebAssembly engine or by this bridge.
 * `scriptFailure` is the PostgreSQL error of the last migration script that failed, if any.
 */
export function engineErrorResponse(error, { method, scriptFailure } = {}) {
  const known = asKnownError(error) ?? failedMigration(error, method, scriptFailure);
  if (known) {
    return {
      code: 4466,
      message: 'An error happened. Check the data field for details.',
      data: { is_panic: false, message: known.message, meta: known.meta ?? {}, error_code: known.code },
    };
  }
  const message = messageOf(error);
  return {
    code: 4466,
    message: 'An error happened. Check the data field for details.',
    data: { is_panic: false, message, meta: {} },
  };
}

/**
 * The WebAssembly engine throws its known errors with Prisma's code in `code` (P3009 …); the
 * bridge's own errors are KnownEngineError.
 */
export function asKnownError(error) {
  if (error instanceof KnownEngineError) return error;
  if (error && typeof error.code === 'string' && /^P\d{4}$/.test(error.code)) {
    return { code: error.code, message: error.message, meta: error.meta };
  }
  return knownFromMessage(messageOf(error));
}

/**
 * Errors raised while the WebAssembly engine starts (it connects at once) carry Prisma's message
 * but no code; the native engine reports the same failures with their codes, which the CLI and
 * scripts rely on (P1001 …). Those messages are recognised here.
 */
const KNOWN_MESSAGES = [
  [/^Can't reach database server at/, 'P1001'],
  [/^Authentication failed against database server/, 'P1000'],
  [/^The database server was reached but timed out/, 'P1002'],
  [/^Database `[^`]*` does not exist/, 'P1003'],
];

export function knownFromMessage(message) {
  if (typeof message !== 'string') return undefined;
  const text = message.trim();
  const found = KNOWN_MESSAGES.find(([pattern]) => pattern.test(text));
  return found ? { code: found[1], message: text, meta: {} } : undefined;
}

/**
 * A migration script that fails comes back from the WebAssembly engine as a bare driver error
 * with the engine's span trace; the native engine reports it as P3018 with PostgreSQL's own code
 * and message, which is what an operator needs to mend it.
 */
function failedMigration(error, method, scriptFailure) {
  if (method !== 'applyMigrations' || !scriptFailure) return undefined;
  const migrationName = /migration_name="([^"]+)"/.exec(messageOf(error))?.[1] ?? 'unknown';
  return new KnownEngineError(
    'P3018',
    'A migration failed to apply. New migrations cannot be applied before the error is recovered from. ' +
      'Read more about how to resolve migration issues in a production database: https://pris.ly/d/migrate-resolve\n\n' +
      `Migration name: ${migrationName}\n\nDatabase error code: ${scriptFailure.code}\n\nDatabase error:\n${scriptFailure.message}\n`,
    { migration_name: migrationName, database_error_code: scriptFailure.code, database_error: scriptFailure.message },
  );
}

function messageOf(error) {
  if (error instanceof Error) return error.message;
  if (typeof error === 'string') return error;
  if (error && typeof error.message === 'string') return error.message;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

/**
 * For `schema-engine cli …`: the CLI skips the first line of stderr and reads the rest as the
 * engine's JSON log, looking for an ERROR record with `error_code` and `message`.
 */
export function printCliError(error) {
  const known = asKnownError(error);
  const fields = known ? { message: known.message, error_code: known.code } : { message: messageOf(error) };
  process.stderr.write('schema-engine bridge\n');
  process.stderr.write(
    `${JSON.stringify({ timestamp: new Date().toISOString(), level: 'ERROR', fields, target: 'schema_engine::logger' })}\n`,
  );
}
