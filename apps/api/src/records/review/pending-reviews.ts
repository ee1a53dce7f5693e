import { Injectable } from '@nestjs/common';
import type { ReadPart } from '../../common/read-parts.js';

/** How many of a record's entries in one table await review, as a part of a statement. */
export type AwaitingReviewCount = (recordId: string) => ReadPart<number>;

/**
 * Where the features whose entries are reviewed (symptoms, prescriptions) say how to count a
 * record's pending ones, for the signing to refuse a record that still has some. They register
 * at start-up, as the trail's patient lookups do: the records feature names none of their tables,
 * and depends on none of their services (which themselves depend on it).
 */
@Injectable()
export class PendingReviews {
  private readonly counts: AwaitingReviewCount[] = [];

  register(count: AwaitingReviewCount): void {
    this.counts.push(count);
  }

  /** One part per registered table, for the record. */
  partsFor(recordId: string): ReadPart<number>[] {
    return this.counts.map((count) => count(recordId));
  }
}
