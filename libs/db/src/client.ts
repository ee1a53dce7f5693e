import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client.js';

export interface DbOptions {
  databaseUrl: string;
  /** Connections in the pool; an embedded PostgreSQL serves one session, so it gets 1. */
  poolSize: number;
}

// Prisma 7 has no bundled query engine: queries go through the `pg` driver adapter.
export function adapterFor(options: DbOptions): PrismaPg {
  return new PrismaPg({ connectionString: options.databaseUrl, max: options.poolSize });
}

/**
 * A client outside Nest: seeds, scripts and tests. Kept apart from the decorated PrismaService so
 * that `node --import tsx` (which does not compile decorators) can load it.
 */
export function createPrismaClient(options: DbOptions): PrismaClient {
  return new PrismaClient({ adapter: adapterFor(options) });
}
