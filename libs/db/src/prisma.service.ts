import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { adapterFor, type DbOptions } from './client.js';
import { PrismaClient } from './generated/prisma/client.js';

export const DB_OPTIONS = Symbol('DB_OPTIONS');

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
