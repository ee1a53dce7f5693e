import { createHash } from 'node:crypto';
import { StaleWrite } from './domain-error.js';

/** A strong ETag over the representation a client read: any change to it changes the tag. */
export function etagOf(representation: unknown): string {
  return `"${createHash('sha256').update(JSON.stringify(representation)).digest('base64url').slice(0, 27)}"`;
}

/**
 * Optimistic concurrency for updates: when the client says which version it edited (If-Match),
 * a write over someone else's newer change is refused with 412 instead of silently winning.
 * Without If-Match the write proceeds (clients opt in).
 */
export function assertFresh(ifMatch: string | undefined, current: unknown): void {
  if (ifMatch === undefined || ifMatch.trim() === '*') return;
  const offered = ifMatch.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  if (!offered.includes(etagOf(current))) throw new StaleWrite();
}
