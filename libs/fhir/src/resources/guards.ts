// Checks that catch a caller's mistake before it becomes a wrong chart in another system: the
// source types already say "signed" and "of this visit", but a cast or an untyped row gets around
// types, and a note filed under the wrong patient is worse than an error.

/** A draft never leaves through FHIR. */
export function assertSigned(record: { signedAt: Date | null; signedById: string | null }): asserts record is { signedAt: Date; signedById: string } {
  if (!(record.signedAt instanceof Date) || !record.signedById) {
    throw new Error('refusing to map an unsigned medical record to FHIR: drafts never leave through FHIR');
  }
}

/** A row handed in with the visit (or record) it belongs to really belongs to it. */
export function assertBelongsTo(what: string, ownerId: string, expectedOwnerId: string): void {
  if (ownerId !== expectedOwnerId) throw new Error(`refusing to map ${what}: it belongs to ${ownerId}, not to ${expectedOwnerId}`);
}
