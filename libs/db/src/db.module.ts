import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { DbOptions } from './client.js';
import { DB_OPTIONS, PrismaService } from './prisma.service.js';

@Global()
@Module({})
export class DbModule {
  static forRoot(options: DbOptions): DynamicModule {
    return {
      module: DbModule,
      providers: [{ provide: DB_OPTIONS, useValue: options }, PrismaService],
      exports: [PrismaService, DB_OPTIONS],
    };
  }
}
