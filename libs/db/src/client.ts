import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPgAssumingRole } from './embedded/assumed-role.js';
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
  /** Streaming replicas for read-only work (read-replicas.ts); none: the primary answers all. */
  replicaUrls?: readonly string[];
  /** A replica further behind than this is skipped (read-replicas.ts). */
  replicaMaxLagSeconds?: number;
  /** How pg_stat_activity names the connections (replicas' get " replica" appended). */
  applicationName?: string;
}

// Prisma 7 has no bundled query engine: queries go through the `pg` driver adapter.
export function adapterFor(options: DbOptions): PrismaPg {
  const pool = { connectionString: options.databaseUrl, max: options.poolSize, ...(options.applicationName ? { application_name: options.applicationName } : {}) };
  return options.assumeRole ? new PrismaPgAssumingRole(pool, options.assumeRole) : new PrismaPg(pool);
}

/**
 * A client outside Nest: seeds, scripts and tests. Kept apart from the decorated PrismaService so
 * that `node --import tsx` (which does not compile decorators) can load it.
 */
export function createPrismaClient(options: DbOptions): PrismaClient {
  return new PrismaClient({ adapter: adapterFor(options) });
}
