import { Injectable } from '@nestjs/common';
import { PrismaService } from '@clinic/db';
import { type UnavailableReason, unavailableReasonOf } from './database-errors.js';

/** The one query that tells whether the database answers; owned here, asked by the tracker and readiness. */
@Injectable()
export class DatabaseProbeRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** Undefined when the database answers; why not, when it does not. */
  async unavailableReason(): Promise<UnavailableReason | undefined> {
    try {
      await this.prisma.$queryRawUnsafe('SELECT 1');
      return undefined;
    } catch (error) {
      // Anything else that stops a SELECT 1 (a lost role, a broken login) is no answer either.
      return unavailableReasonOf(error) ?? 'cannot connect';
    }
  }
}
