import { PrismaPg } from '@prisma/adapter-pg';
import pg, { type PoolConfig } from 'pg';
import { PoolAssumingRole, PrismaPgAssumingRole } from './embedded/assumed-role.js';
import { PrismaClient } from './generated/prisma/client.js';

export interface DbOptions {
  databaseUrl: string;
  /** Connections in the pool; an embedded PostgreSQL serves one session, so it gets 1. */
  poolSize: number;
  /**
   * A role each connection takes while in use. Only for the embedded PostgreSQL, which ignores
   * the user a connection names (see embedded/assumed-role.ts); on a server the login decides.
   */
  assumeRole?: string;
  /**
   * How long a request waits for a connection (a new one to open, or a busy pool to free one)
   * before it fails as "database unavailable". Unset: as long as it takes (seeds, scripts); the
   * API sets it (DATABASE_CONNECT_TIMEOUT_MS).
   */
  connectTimeoutMs?: number;
  /** An idle connection beyond poolMinIdle is closed after this long. Unset: pg's own 10 s. */
  idleTimeoutMs?: number;
  /**
   * Connections kept open however long they stay idle (pg-pool's `min`; at most poolSize). A
   * connection's first search at a million patients takes about 150 ms where the next takes 10:
   * PostgreSQL fills its catalog caches and loads the search's dictionaries once per connection.
   * Without it a clinic searching less often than idleTimeoutMs would pay that every time.
   * Unset: 0, as seeds and scripts want.
   */
  poolMinIdle?: number;
  /**
   * The server cancels a statement running longer than this (statement_timeout, sent when the
   * connection opens; the embedded PostgreSQL ignores it). Unset or 0: no limit, as a bulk seed
   * needs; the API sets it (DATABASE_STATEMENT_TIMEOUT_MS).
   */
  statementTimeoutMs?: number;
  /** Streaming replicas for read-only work (read-replicas.ts); none: the primary answers all. */
  replicaUrls?: readonly string[];
  /** A replica further behind than this is skipped (read-replicas.ts). */
  replicaMaxLagSeconds?: number;
  /** How pg_stat_activity names the connections (replicas' get " replica" appended). */
  applicationName?: string;
}

/**
 * pg-pool's settings for DbOptions.poolMinIdle. Kept connections have no idle timer, so their
 * sockets would keep a process alive that forgot to close its client: allowExitOnIdle lets such a
 * process end as it did when its last connection timed out (the API's HTTP server keeps it alive).
 */
export function keptIdle({ poolMinIdle, poolSize }: Pick<DbOptions, 'poolMinIdle' | 'poolSize'>): Pick<PoolConfig, 'min' | 'allowExitOnIdle'> {
  return poolMinIdle ? { min: Math.min(poolMinIdle, poolSize), allowExitOnIdle: true } : {};
}

// Prisma 7 has no bundled query engine: queries go through the `pg` driver adapter.
// The pool recovers from an outage by itself: a connection that errors is destroyed rather than
// returned (pg-pool), a new one is opened on the next request, and a request waits at most
// connectTimeoutMs for one, so nothing hangs while the database is away. The adapter listens to
// the pool's 'error' event (an idle connection the server closed): without a listener that event
// would end the process.
export function adapterFor(options: DbOptions): PrismaPg {
  const pool: PoolConfig = {
    connectionString: options.databaseUrl,
    max: options.poolSize,
    ...keptIdle(options),
    ...(options.applicationName ? { application_name: options.applicationName } : {}),
    ...(options.connectTimeoutMs !== undefined && { connectionTimeoutMillis: options.connectTimeoutMs }),
    ...(options.idleTimeoutMs !== undefined && { idleTimeoutMillis: options.idleTimeoutMs }),
    ...(options.statementTimeoutMs ? { statement_timeout: options.statementTimeoutMs } : {}),
  };
  return options.assumeRole ? new PrismaPgAssumingRole(pool, options.assumeRole) : new PrismaPg(pool);
}

/**
 * A client outside Nest: seeds, scripts and tests. Kept apart from the decorated PrismaService so
 * that `node --import tsx` (which does not compile decorators) can load it.
 */
export function createPrismaClient(options: DbOptions): PrismaClient {
  return new PrismaClient({ adapter: adapterFor(options) });
}

/**
 * A plain pg pool of the same database and role, for a library that speaks SQL itself (pg-boss,
 * the scribe's job queue). On the embedded PostgreSQL its connections take the role as Prisma's do.
 */
export function createPool(options: DbOptions): pg.Pool {
  const config = { connectionString: options.databaseUrl, max: options.poolSize };
  return options.assumeRole ? new PoolAssumingRole(config, options.assumeRole) : new pg.Pool(config);
}
