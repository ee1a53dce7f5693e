import type { Prisma, PrismaClient } from '../generated/prisma/client.js';

// Any fixed 64-bit number: two seeds started together (two API instances on first start, say)
// take turns instead of racing each other's inserts.
const SEED_LOCK_KEY = 7_341_902_615;

/**
 * One transaction for a whole seed: a failed seed leaves nothing behind, and a second run sees
 * either everything or nothing of the first. Generous limits, because the embedded database is
 * much slower than a server.
 */
export function inSeedTransaction<T>(prisma: PrismaClient, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock($1)', SEED_LOCK_KEY);
      return work(tx);
    },
    { maxWait: 60_000, timeout: 10 * 60_000 },
  );
}
