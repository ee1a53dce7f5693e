import type { EntryTableShape } from '../common/chart-entries/entry-table.js';
import { entryTableShape } from '../common/chart-entries/entry-table.js';
import { RecordSigned } from './records.errors.js';

/**
 * The shape of a visit note's entries (symptoms, prescriptions): under a medical record, and
 * refused by the database's guard once it is signed — a write that raced the signing is the same
 * 409 as one refused before it was tried.
 */
export function noteEntryShape<Row>(
  resourceType: EntryTableShape<Row>['resourceType'],
  delegate: EntryTableShape<Row>['delegate'],
  columns: readonly (keyof Row & string)[],
): EntryTableShape<Row> {
  return entryTableShape<Row>('medicalRecordId' as keyof Row & string, resourceType, delegate, columns, { guarded: () => new RecordSigned() });
}
