import { Injectable } from '@nestjs/common';
import { PrismaService } from '@clinic/db';

@Injectable()
export class HealthRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** True when the database answers a trivial query. */
  databaseAnswers(): Promise<boolean> {
    return this.prisma.isReachable();
  }
}
