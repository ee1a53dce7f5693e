import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client.js';

export const DB_OPTIONS = Symbol('DB_OPTIONS');

export interface DbOptions {
  databaseUrl: string;
  /** Connections in the pool; an embedded PostgreSQL serves one session, so it gets 1. */
  poolSize: number;
}

// Prisma 7 has no bundled query engine: queries go through the `pg` driver adapter.
function adapterFor(options: DbOptions): PrismaPg {
  return new PrismaPg({ connectionString: options.databaseUrl, max: options.poolSize });
}

/** A client outside Nest: seeds, scripts and tests. */
export function createPrismaClient(options: DbOptions): PrismaClient {
  return new PrismaClient({ adapter: adapterFor(options) });
}

/** The one Prisma client of the process; only repositories inject it. */
@Injectable()
export class PrismaService extends PrismaClient implements OnModuleDestroy {
  constructor(@Inject(DB_OPTIONS) options: DbOptions) {
    super({ adapter: adapterFor(options) });
  }

  /** True when the database answers a trivial query: what /health/ready reports. */
  async isReachable(): Promise<boolean> {
    try {
      await this.$queryRawUnsafe('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}
