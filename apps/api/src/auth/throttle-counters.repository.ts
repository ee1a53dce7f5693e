import { Injectable } from '@nestjs/common';
import { PrismaService } from '@clinic/db';

export interface Counted {
  /** This attempt's number in the key's current window: 1 for the first. */
  count: number;
  windowEndsAt: Date;
}

/** Whole seconds until a counted window ends, at least 1: a refusal's Retry-After. */
export const secondsLeftIn = (windowEndsAt: Date) => Math.max(1, Math.ceil((windowEndsAt.getTime() - Date.now()) / 1000));

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
   * Counts `attempts` more attempts for the key (one, unless a throttle takes several at once:
   * list-throttle.ts). A window that has ended starts afresh at `attempts`. When the count reaches
   * `lockAt`, the window restarts from this attempt, so a lockout lasts its full length from the
   * attempt that reached the limit (and no longer: later refused attempts do not extend it).
   */
  async count(key: string, windowSeconds: number, { lockAt, attempts = 1 }: { lockAt?: number; attempts?: number } = {}): Promise<Counted> {
    const [row] = await this.prisma.$queryRaw<Counted[]>`
      INSERT INTO "throttle_counters" AS t ("key", "count", "windowEndsAt")
      VALUES (${key}, ${attempts}::int, clock_timestamp() + make_interval(secs => ${windowSeconds}))
      ON CONFLICT ("key") DO UPDATE SET
        "count" = CASE WHEN t."windowEndsAt" <= clock_timestamp() THEN ${attempts}::int ELSE t."count" + ${attempts}::int END,
        "windowEndsAt" = CASE
          WHEN t."windowEndsAt" <= clock_timestamp() THEN clock_timestamp() + make_interval(secs => ${windowSeconds})
          WHEN t."count" + ${attempts}::int = ${lockAt ?? 0}::int THEN clock_timestamp() + make_interval(secs => ${windowSeconds})
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
