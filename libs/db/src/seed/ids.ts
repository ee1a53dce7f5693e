import { createHash } from 'node:crypto';

// A fixed namespace for the clinic's seed rows (random once, then frozen: changing it changes
// every seeded id, and a second run would then insert everything again).
const SEED_NAMESPACE = Buffer.from('6f1c2a9e4b7d4e0f9a3c5d8e1f2b4c6a', 'hex');

/**
 * A name-based UUID (RFC 9562 version 5) for a seeded row. The same name gives the same id on
 * every run, which is what lets `createMany({ skipDuplicates: true })` make a second run a no-op.
 */
export function seedUuid(name: string): string {
  const bytes = createHash('sha1').update(SEED_NAMESPACE).update(name).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Ids for one tier's rows: the tier is part of the name, so tiers never share ids. */
export function seedIdsFor(tier: string): (kind: string, ...keys: (string | number)[]) => string {
  return (kind, ...keys) => seedUuid([tier, kind, ...keys].join('/'));
}

export type SeedIds = ReturnType<typeof seedIdsFor>;
