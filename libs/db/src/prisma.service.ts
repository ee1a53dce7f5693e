import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { adapterFor, type DbOptions } from './client.js';
import { PrismaClient } from './generated/prisma/client.js';

export const DB_OPTIONS = Symbol('DB_OPTIONS');

/** The one Prisma client of the process; only repositories inject it. */
@Injectable()
export class PrismaService extends PrismaClient implements OnApplicationShutdown {
  constructor(@Inject(DB_OPTIONS) options: DbOptions) {
    super({ adapter: adapterFor(options) });
  }

  /**
   * The last step of a shutdown, after the HTTP server has closed (Nest runs OnModuleDestroy
   * before it, OnApplicationShutdown after): requests still finishing keep their pool.
   */
  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
  }
}
