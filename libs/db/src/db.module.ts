import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { DbOptions } from './client.js';
import { DB_OPTIONS, PrismaService } from './prisma.service.js';
import { ReadReplicas } from './read-replicas.js';

/** Replicas are checked this often at most; reads never wait for a check (read-replicas.ts). */
const REPLICA_CHECK_EVERY_MS = 1_000;

@Global()
@Module({})
export class DbModule {
  static forRoot(options: DbOptions): DynamicModule {
    return {
      module: DbModule,
      providers: [
        { provide: DB_OPTIONS, useValue: options },
        PrismaService,
        {
          provide: ReadReplicas,
          inject: [PrismaService],
          useFactory: (primary: PrismaService) =>
            new ReadReplicas(primary, {
              urls: options.replicaUrls ?? [],
              maxLagSeconds: options.replicaMaxLagSeconds ?? 10,
              poolSize: options.poolSize,
              poolMinIdle: options.poolMinIdle,
              applicationName: options.applicationName ? `${options.applicationName} replica` : undefined,
              checkEveryMs: REPLICA_CHECK_EVERY_MS,
            }),
        },
      ],
      exports: [PrismaService, ReadReplicas, DB_OPTIONS],
    };
  }
}
