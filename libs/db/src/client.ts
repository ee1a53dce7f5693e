import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
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
}

// Prisma 7 has no bundled query engine: queries go through the `pg` driver adapter.
export function adapterFor(options: DbOptions): PrismaPg {
  const pool = { connectionString: options.databaseUrl, max: options.poolSize };
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
