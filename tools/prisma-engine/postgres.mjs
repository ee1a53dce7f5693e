// PostgreSQL for the WebAssembly schema engine: the `pg` driver adapter, with the mends the
// engine needs to behave like the native one.
import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { parse as parseConnectionString } from 'pg-connection-string';
import { KnownEngineError } from './errors.mjs';
import { needsNoTransaction, splitSqlStatements } from './split-sql.mjs';

// How long a migration statement may wait for a lock before the migration fails: a migration
// queued behind a long transaction would otherwise queue every clinic request behind itself.
const LOCK_TIMEOUT = process.env.MIGRATION_LOCK_TIMEOUT || '10s';

/**
 * Discrete settings rather than a connection string: adapter-pg builds the shadow database's pool
 * by adding `database` to this config, and a connection string would win over it.
 */
export function poolConfigFromUrl(url) {
  if (!url) throw new KnownEngineError('P1012', 'The datasource has no url: set MIGRATION_DATABASE_URL (or DATABASE_URL).');
  const parsed = parseConnectionString(url);
  const config = {
    host: parsed.host || 'localhost',
    port: parsed.port ? Number(parsed.port) : 5432,
    user: parsed.user || process.env.PGUSER || 'postgres',
    password: parsed.password || undefined,
    database: parsed.database || 'postgres',
  };
  if (parsed.ssl) config.ssl = parsed.ssl;
  const schema = new URL(url.replace(/^postgres(ql)?:/, 'http:')).searchParams.get('schema');
  if (schema) config.options = `-c search_path="${schema}"`;
  return config;
}

/**
 * adapter-pg has no column type for PostgreSQL's internal "char" (OID 18), which the engine's
 * schema describer reads from pg_catalog (pg_constraint.contype …): it throws "Column type 'char'
 * could not be deserialized". The engine reads those columns as a character, and panics when given
 * text ("Getting constraint_type … as char failed", seen as soon as a table has a CHECK constraint,
 * and on every table with PostgreSQL 18, which lists NOT NULL constraints there). So such a column
 * passes adapter-pg as text (OID 25), and its position is noted on the rows, for the adapter's
 * result to be given the Character column type (see `withCharColumns`).
 */
const CHAR_OID = 18;
const TEXT_OID = 25;
export const CHAR_COLUMNS = Symbol('"char" columns');

class CatalogReadingClient extends pg.Client {
  query(config, values, callback) {
    // pg's Pool calls back; a direct caller awaits a promise. Both are served.
    if (typeof values === 'function') [values, callback] = [undefined, values];
    if (typeof callback === 'function') {
      return super.query(config, values, (error, result) => callback(error, error ? result : markCharColumns(result)));
    }
    const pending = super.query(config, values);
    return pending && typeof pending.then === 'function' ? pending.then(markCharColumns) : pending;
  }
}

export function markCharColumns(result) {
  for (const one of Array.isArray(result) ? result : [result]) {
    const columns = [];
    (one?.fields ?? []).forEach((field, index) => {
      if (field.dataTypeID !== CHAR_OID) return;
      field.dataTypeID = TEXT_OID;
      columns.push(index);
    });
    if (columns.length && Array.isArray(one.rows)) Object.defineProperty(one.rows, CHAR_COLUMNS, { value: columns });
  }
  return result;
}

/** Gives the columns `markCharColumns` noted the Character type, in each result of `queryRaw`. */
export function withCharColumns(queryable) {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of result?.rows?.[CHAR_COLUMNS] ?? []) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
  if (typeof queryable.startTransaction === 'function') {
    const startTransaction = queryable.startTransaction.bind(queryable);
    queryable.startTransaction = async (...args) => withCharColumns(await startTransaction(...args));
  }
  return queryable;
}

function enginePoolConfig(config) {
  // One connection: the engine's advisory lock (which serialises concurrent deploys) belongs to a
  // database session, and a pool of several would take and release it on different ones.
  return { ...config, max: 1, idleTimeoutMillis: 0, Client: CatalogReadingClient };
}

async function withClient(config, work) {
  const client = new pg.Client(config);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

function quoteIdent(name) {
  return `"${String(name).replaceAll('"', '""')}"`;
}

let lastScriptFailure;

/** The PostgreSQL error of the last script that failed, once: for Prisma's P3018 report. */
export function takeLastScriptFailure() {
  const failure = lastScriptFailure;
  lastScriptFailure = undefined;
  return failure;
}

/**
 * adapter-pg's executeScript splits a script on every ";" (breaking function bodies and strings)
 * and runs the pieces one by one, so a migration failing half-way leaves its first half applied.
 * Here a script runs as one transaction, with a lock timeout, and is rolled back whole on error.
 * A script holding a statement PostgreSQL refuses in a transaction (CREATE INDEX CONCURRENTLY …)
 * runs statement by statement instead, each with the same lock timeout.
 */
function runScriptsAsOneUnit(adapter) {
  const pool = adapter.underlyingDriver();
  const setLockTimeout = (scope) => `SET ${scope} lock_timeout = '${LOCK_TIMEOUT.replaceAll("'", "''")}'`;
  adapter.executeScript = async (script) => {
    const client = await pool.connect();
    let inTransaction = false;
    try {
      if (needsNoTransaction(script)) {
        // The session is the engine's only one (it holds the advisory lock): the setting is undone after.
        await client.query(setLockTimeout('SESSION'));
        try {
          for (const statement of splitSqlStatements(script)) await client.query(statement);
        } finally {
          await client.query('RESET lock_timeout').catch(() => undefined);
        }
        return;
      }
      await client.query('BEGIN');
      inTransaction = true;
      await client.query(setLockTimeout('LOCAL'));
      await client.query(script);
      await client.query('COMMIT');
      inTransaction = false;
    } catch (error) {
      if (inTransaction) await client.query('ROLLBACK').catch(() => undefined);
      lastScriptFailure = describePostgresError(error);
      adapter.onError(error);
    } finally {
      client.release();
    }
  };
  // The engine then writes the failure into the history row's `logs`, as its own driver error and
  // span trace ("external connector error / No such table: nope …"); the native engine writes
  // PostgreSQL's code and message, which `migrate status` and an operator read. Those go instead.
  for (const method of ['queryRaw', 'executeRaw']) {
    const original = adapter[method].bind(adapter);
    adapter[method] = (query) => {
      if (lastScriptFailure && MIGRATION_LOGS_UPDATE.test(query?.sql ?? '') && typeof query.args?.[0] === 'string') {
        query = { ...query, args: [failureLogs(lastScriptFailure), ...query.args.slice(1)] };
      }
      return original(query);
    };
  }
  return adapter;
}

export const MIGRATION_LOGS_UPDATE = /^\s*UPDATE\s+(?:"[^"]+"\.)?"_prisma_migrations"\s+SET\s+"logs"\s*=\s*\$1\b/i;

/** PostgreSQL's own account of an error: code, message and, when given, detail, hint and position. */
export function describePostgresError(error) {
  const lines = [error?.message ?? String(error)];
  if (error?.detail) lines.push(`DETAIL: ${error.detail}`);
  if (error?.hint) lines.push(`HINT: ${error.hint}`);
  if (error?.where) lines.push(`CONTEXT: ${error.where}`);
  if (error?.position) lines.push(`POSITION: ${error.position}`);
  return { code: error?.code ?? 'unknown', message: lines.join('\n') };
}

export function failureLogs(failure) {
  return `Database error code: ${failure.code}\n\nDatabase error:\n${failure.message}\n`;
}

/**
 * The engine serialises migrate commands with `SELECT pg_advisory_lock(72707369)`, a statement
 * that waits inside the server for as long as another deploy holds the lock. A waiting statement
 * holds a snapshot, and CREATE INDEX CONCURRENTLY in the deploy holding the lock waits for every
 * older snapshot to go: each waits for the other, and PostgreSQL ends one with "deadlock detected"
 * (seen with two deploys started together). Here the lock is taken with pg_try_advisory_lock,
 * retried between short sleeps, so the waiting session is idle between tries. The engine's own
 * timeout (10 s, then P1002) still applies around the wait.
 */
export const ADVISORY_LOCK = /^\s*SELECT\s+pg_advisory_lock\(\s*(\d+)\s*\)\s*;?\s*$/i;
const ADVISORY_LOCK_RETRY_MS = 100;
const ADVISORY_LOCK_GIVE_UP_MS = 60_000;

function waitForAdvisoryLockIdly(adapter) {
  const pool = adapter.underlyingDriver();
  const executeRaw = adapter.executeRaw.bind(adapter);
  let disposed = false;
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    disposed = true;
    await dispose();
  };
  adapter.executeRaw = async (query) => {
    const key = ADVISORY_LOCK.exec(query?.sql ?? '')?.[1];
    if (key === undefined || query.args?.length) return executeRaw(query);
    const giveUp = Date.now() + ADVISORY_LOCK_GIVE_UP_MS;
    for (;;) {
      let locked;
      try {
        locked = (await pool.query('SELECT pg_try_advisory_lock($1::bigint) AS locked', [key])).rows[0]?.locked;
      } catch (error) {
        adapter.onError(error);
      }
      if (locked) return 1;
      if (disposed || Date.now() > giveUp) return executeRaw(query); // the engine's own wait, as before
      await new Promise((resolve) => setTimeout(resolve, ADVISORY_LOCK_RETRY_MS));
    }
  };
  return adapter;
}

class MigrationAdapterFactoryImpl {
  provider = 'postgres';
  adapterName = '@prisma/adapter-pg';

  constructor(config, shadowDatabaseUrl) {
    this.config = config;
    this.shadowDatabaseUrl = shadowDatabaseUrl;
    this.open = new Set();
  }

  async connect() {
    return this.#track(await this.#adapterFor(this.config));
  }

  /**
   * A throw-away database for `migrate dev` and `migrate diff --from-migrations`. adapter-pg's own
   * drops the database while its pool still holds a connection, which fails and leaves
   * `prisma_migrate_shadow_db_*` databases behind; this one closes the pool first and forces the drop.
   */
  async connectToShadowDb() {
    if (this.shadowDatabaseUrl) return this.#connectToConfiguredShadowDb();
    const database = `prisma_migrate_shadow_db_${randomUUID()}`;
    const admin = this.config;
    await withClient(admin, (client) => client.query(`CREATE DATABASE ${quoteIdent(database)}`)).catch((error) => {
      throw shadowCreationError(error, admin);
    });
    await assertSeparateDatabase({ ...this.config, database }).catch(async (error) => {
      await withClient(admin, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`)).catch(() => undefined);
      throw error;
    });
    const adapter = await this.#adapterFor({ ...this.config, database });
    const closePool = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await closePool();
      await withClient(admin, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`));
    };
    return this.#track(adapter);
  }

  async #connectToConfiguredShadowDb() {
    const config = poolConfigFromUrl(this.shadowDatabaseUrl);
    if (config.host === this.config.host && config.port === this.config.port && config.database === this.config.database) {
      throw new KnownEngineError('P3005', 'The shadow database is the main database: SHADOW_DATABASE_URL must name another database.');
    }
    // As the native engine does, a configured shadow database is emptied before use.
    await withClient(config, (client) => client.query('DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;')).catch((error) => {
      throw configuredShadowError(error, config);
    });
    return this.#track(await this.#adapterFor(config));
  }

  async #adapterFor(config) {
    return waitForAdvisoryLockIdly(runScriptsAsOneUnit(withCharColumns(await new PrismaPg(enginePoolConfig(config)).connect())));
  }

  #track(adapter) {
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      this.open.delete(adapter);
      await dispose();
    };
    this.open.add(adapter);
    return adapter;
  }

  async closeAll() {
    await Promise.allSettled([...this.open].map((adapter) => adapter.dispose()));
  }
}

export class MigrationAdapterFactory {
  constructor(config, shadowDatabaseUrl) {
    const impl = new MigrationAdapterFactoryImpl(config, shadowDatabaseUrl);
    this.bound = bindMigrationAwareSqlAdapterFactory(impl);
    this.closeAll = () => impl.closeAll();
  }
}

function describeServer(config) {
  return `${config.host}:${config.port}`;
}

/**
 * Creating the throw-away shadow database failed. The engine would report "Failed to connect to
 * the shadow database / External error id#0"; the operator needs the reason and the fix, in one
 * line (P3014 is the native engine's code for it).
 */
export function shadowCreationError(error, config) {
  const fix = 'set SHADOW_DATABASE_URL to an empty database it may use (docs/migrations.md)';
  if (error?.code === '42501') {
    return new KnownEngineError('P3014', `Prisma Migrate needs a shadow database, and role "${config.user}" may not create one (no CREATEDB right): ${fix}, or grant it CREATEDB.`);
  }
  const known = connectionError(error, config);
  const reason = (known instanceof KnownEngineError ? known.message : error?.message ?? String(error)).split('\n')[0];
  return new KnownEngineError('P3014', `Prisma Migrate could not create its shadow database on ${describeServer(config)} (${reason}): ${fix}.`);
}

/**
 * The embedded PostgreSQL (PGlite) accepts CREATE DATABASE but serves its one database under
 * every name: migrations replayed there would meet the main database's tables ("type … already
 * exists", P3006). Such a server is told apart by the name it answers to.
 */
async function assertSeparateDatabase(config) {
  const current = await withClient(config, async (client) => (await client.query('SELECT current_database() AS name')).rows[0].name);
  if (current === config.database) return;
  throw new KnownEngineError(
    'P3014',
    `The server at ${describeServer(config)} cannot host a shadow database (it serves one database under every name, as the embedded PostgreSQL does): set SHADOW_DATABASE_URL to a second, empty database.`,
  );
}

/** The database SHADOW_DATABASE_URL names could not be used: which, why, and what to do, in one line. */
export function configuredShadowError(error, config) {
  const where = `"${config.database}" on ${describeServer(config)}`;
  const known = connectionError(error, config);
  if (!(known instanceof KnownEngineError)) {
    return new KnownEngineError('P3014', `The shadow database SHADOW_DATABASE_URL names (${where}) cannot be used: ${error?.message ?? error}. It must be an empty database this role owns.`);
  }
  const reasons = {
    P1003: 'does not exist: create it (empty), or correct SHADOW_DATABASE_URL',
    P1000: `refuses the credentials of "${config.user}": correct SHADOW_DATABASE_URL`,
    P1001: 'cannot be reached: start that server, or correct SHADOW_DATABASE_URL',
  };
  return new KnownEngineError(known.code, `The shadow database SHADOW_DATABASE_URL names (${where}) ${reasons[known.code] ?? known.message.split('\n')[0]}.`);
}

/** Prisma's own error for a failed connection, from PostgreSQL's or the socket's error code. */
export function connectionError(error, config) {
  switch (error.code) {
    case '3D000':
      return new KnownEngineError('P1003', `Database \`${config.database}\` does not exist on the database server at \`${describeServer(config)}\`.`, { database_name: config.database });
    case '28P01':
    case '28000':
      return new KnownEngineError('P1000', `Authentication failed against database server at \`${config.host}\`, the provided database credentials for \`${config.user}\` are not valid.\n\nPlease make sure to provide valid database credentials for the database server at \`${config.host}\`.`);
    case 'ECONNREFUSED':
    case 'ENOTFOUND':
    case 'EHOSTUNREACH':
    case 'ETIMEDOUT':
      return new KnownEngineError('P1001', `Can't reach database server at \`${describeServer(config)}\`\n\nPlease make sure your database server is running at \`${describeServer(config)}\`.`);
    default:
      return error;
  }
}

/** `schema-engine cli <command>`: what `migrate dev` and `migrate reset` ask before they start. */
export async function runCliCommand(command, url) {
  const config = poolConfigFromUrl(url);
  const maintenance = { ...config, database: config.database === 'postgres' ? 'template1' : 'postgres' };
  try {
    switch (command) {
      case 'can-connect-to-database':
        await withClient(config, (client) => client.query('SELECT 1'));
        return;
      case 'create-database':
        await withClient(maintenance, (client) => client.query(`CREATE DATABASE ${quoteIdent(config.database)}`));
        return;
      case 'drop-database':
        await withClient(maintenance, (client) => client.query(`DROP DATABASE IF EXISTS ${quoteIdent(config.database)} WITH (FORCE)`));
        return;
      default:
        throw new Error(`schema-engine bridge: unsupported command "cli ${command}"`);
    }
  } catch (error) {
    throw connectionError(error, command === 'can-connect-to-database' ? config : maintenance);
  }
}
