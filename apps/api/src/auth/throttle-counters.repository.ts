import { Injectable } from '@nestjs/common';
import { PrismaService } from '@clinic/db';

export interface Counted {
  /** This attempt's number in the key's current window: 1 for the first. */
  count: number;
  windowEndsAt: Date;
}

/**
 * The throttle_counters table's one owner: counts shared by every API replica. Each call is one
 * atomic statement, so concurrent attempts on one key each get their own number, and checking
 * "may this one go through" is the same act as counting it: no two requests can both see the last
 * free slot.
 */
@Injectable()
export class ThrottleCountersRepository {
  constructor(private readonly prisma: PrismaService) {}

  /**
   * Counts one more attempt for the key. A window that has ended starts afresh at 1. When the
   * count reaches `lockAt`, the window restarts from this attempt, so a lockout lasts its full
   * length from the attempt that reached the limit (and no longer: later refused attempts do not
   * extend it).
   */
  async count(key: string, windowSeconds: number, lockAt?: number): Promise<Counted> {
    const [row] = await this.prisma.$queryRaw<Counted[]>`
      INSERT INTO "throttle_counters" AS t ("key", "count", "windowEndsAt")
      VALUES (${key}, 1, clock_timestamp() + make_interval(secs => ${windowSeconds}))
      ON CONFLICT ("key") DO UPDATE SET
        "count" = CASE WHEN t."windowEndsAt" <= clock_timestamp() THEN 1 ELSE t."count" + 1 END,
        "windowEndsAt" = CASE
          WHEN t."windowEndsAt" <= clock_timestamp() THEN clock_timestamp() + make_interval(secs => ${windowSeconds})
          WHEN t."count" + 1 = ${lockAt ?? 0}::int THEN clock_timestamp() + make_interval(secs => ${windowSeconds})
          ELSE t."windowEndsAt"
        END
      RETURNING "count", "windowEndsAt"`;
    return row;
  }

  /** Gives back one attempt (a sign-in that succeeded was not a failure). */
  async uncount(key: string): Promise<void> {
    await this.prisma.$executeRaw`UPDATE "throttle_counters" SET "count" = "count" - 1 WHERE "key" = ${key} AND "count" > 0`;
  }

  async forget(key: string): Promise<void> {
    await this.prisma.$executeRaw`DELETE FROM "throttle_counters" WHERE "key" = ${key}`;
  }

  /** Counters whose window ended: they count nothing any more. */
  async deleteEnded(): Promise<number> {
    return this.prisma.$executeRaw`DELETE FROM "throttle_counters" WHERE "windowEndsAt" < clock_timestamp()`;
  }
}
