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

  async onModuleDestroy(): Promise<void> {
    await this.$disconnect();
  }
}
