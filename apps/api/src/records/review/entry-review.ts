import type { ChartEntries } from '../../common/chart-entries/chart-entries.js';
import type { RecordNote } from '../record-notes.js';
import type { ReviewedEntry } from './review-status.js';
import { NotAwaitingReview, PendingItemNotRemoved, RejectedItemKept } from './review.errors.js';

/**
 * The clinician's review of a note's AI-extracted entries, written once for symptoms and
 * prescriptions: each feature's service composes one over its ChartEntries and passes its own
 * rule for accepting (the allergy check of a prescription). A review is a change of the entry
 * through ChartEntries, so it has the same 404s (nested ids), 409 on a signed record and audit
 * trail as a correction, recorded as `accept` or `reject` with the patient.
 */
export class EntryReview<Row extends ReviewedEntry, Dto> {
  constructor(
    private readonly entries: ChartEntries<RecordNote, Row, Dto>,
    /** The item's name in messages: `symptom`, `prescription`. */
    private readonly item: string,
  ) {}

  /**
   * Accepts a pending entry into the chart. `confirm` is the feature's rule on the entry as it
   * stands (it may throw, changing nothing) and may add columns to write with the decision.
   */
  accept(recordId: string, id: string, confirm: (record: RecordNote, current: Row) => object | Promise<object> = () => ({})): Promise<Dto> {
    return this.entries.correct(
      recordId,
      id,
      undefined,
      async (record, current) => {
        this.assertPending(current);
        return { ...(await confirm(record, current)), reviewStatus: 'accepted' };
      },
      'accept',
    );
  }

  /** Rejects a pending entry: it is kept, and hidden from the chart and the record's lists. */
  reject(recordId: string, id: string): Promise<Dto> {
    return this.entries.correct(
      recordId,
      id,
      undefined,
      (_record, current) => {
        this.assertPending(current);
        return { reviewStatus: 'rejected' };
      },
      'reject',
    );
  }

  /** A correction (PATCH) leaves a rejected entry as it was rejected; a pending one is corrected as any other. */
  assertCorrectable(current: Row): void {
    if (current.reviewStatus === 'rejected') throw new RejectedItemKept(this.item);
  }

  /** A removal: a rejected entry is kept, a pending one is rejected instead. */
  assertRemovable(current: Row): void {
    this.assertCorrectable(current);
    if (current.reviewStatus === 'pending') throw new PendingItemNotRemoved(this.item);
  }

  private assertPending(current: Row): void {
    if (current.reviewStatus !== 'pending') throw new NotAwaitingReview(this.item, current.reviewStatus);
  }
}
