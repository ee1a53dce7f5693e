import { Injectable } from '@nestjs/common';
import { type Prisma, PrismaService } from '@clinic/db';

/** Which key: the provider who sent it, the route (`POST /api/v1/patients`) and the key itself. */
export interface IdempotencyScope {
  providerId: string;
  route: string;
  key: string;
}

export interface RememberedCreation {
  requestHash: string;
  resourceId: string;
  createdAt: Date;
}

/** What a feature's repository hands over: its own transaction, where the key is written. */
export type IdempotencyTransaction = Prisma.TransactionClient;

// Expired keys deleted per new key: enough to keep up with any rate of creations, small enough
// to cost a creation nothing noticeable.
const EXPIRED_PER_WRITE = 100;

/** The idempotency_keys table's one owner. */
@Injectable()
export class IdempotencyKeysRepository {
  constructor(private readonly prisma: PrismaService) {}

  /** The creation a key names, if it was made after `since`. */
  findSince(scope: IdempotencyScope, since: Date): Promise<RememberedCreation | null> {
    return this.prisma.idempotencyKey.findFirst({
      where: { providerId: scope.providerId, route: scope.route, key: scope.key, createdAt: { gt: since } },
      select: { requestHash: true, resourceId: true, createdAt: true },
    });
  }

  /**
   * Within the creation's transaction: the key commits, or rolls back, with what it names. An
   * expired row of the same key is replaced; a live one (a concurrent request with the same key
   * that committed first, or is about to) makes the insert fail on the primary key, and the
   * creation with it. A few other expired keys go on the way (EXPIRED_PER_WRITE).
   */
  async rememberWithin(transaction: IdempotencyTransaction, scope: IdempotencyScope, creation: { requestHash: string; resourceId: string }, expiredBefore: Date): Promise<void> {
    await transaction.$executeRaw`
      DELETE FROM "idempotency_keys"
      WHERE ("providerId", "route", "key") IN (
        SELECT "providerId", "route", "key" FROM "idempotency_keys"
        WHERE "createdAt" <= ${expiredBefore}
        ORDER BY "createdAt"
        LIMIT ${EXPIRED_PER_WRITE}
      )
      OR ("providerId" = ${scope.providerId}::uuid AND "route" = ${scope.route} AND "key" = ${scope.key} AND "createdAt" <= ${expiredBefore})`;
    await transaction.idempotencyKey.create({ data: { ...scope, ...creation }, select: { key: true } });
  }
}
