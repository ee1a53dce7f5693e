import { Injectable } from '@nestjs/common';
import { PrismaService } from '@clinic/db';
import { type MigrationHistoryRow, readMigrationHistory } from '@clinic/db/migrations';

@Injectable()
export class HealthRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Prisma Migrate's history (_prisma_migrations); none when the database was never migrated. */
  migrationHistory(): Promise<MigrationHistoryRow[]> {
    return readMigrationHistory(<Row>(sql: string) => this.prisma.$queryRawUnsafe<Row[]>(sql));
  }
}
