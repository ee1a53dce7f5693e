import { Injectable } from '@nestjs/common';
import { PrismaService, ReadReplicas, type ReplicaState } from '@clinic/db';
import { type MigrationHistoryRow, readMigrationHistory } from '@clinic/db/migrations';

@Injectable()
export class HealthRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly replicas: ReadReplicas,
  ) {}

  /** Each read replica as last checked, about once a second (a probe never waits for a check). */
  replicaStates(): ReplicaState[] {
    return this.replicas.states();
  }

  /** Prisma Migrate's history (_prisma_migrations); none when the database was never migrated. */
  migrationHistory(): Promise<MigrationHistoryRow[]> {
    return readMigrationHistory(<Row>(sql: string) => this.prisma.$queryRawUnsafe<Row[]>(sql));
  }
}
