import { Prisma } from '@clinic/db';
import type { InstantKey } from '../cursors.js';
import { type ListingParts, listingParts, type ReadPart, rowFromJson, rowsFromJson, utcTimestamp } from '../read-parts.js';

/**
 * Which entries of one table a read takes (a patient's allergies, their active conditions), in
 * its owner's words: the table (its rows are named `e`), the conditions over `e`, and how a row's
 * JSON reads back (common/read-parts.ts, rowFromJson).
 */
export interface EntrySelection {
  table: 'allergies' | 'chronic_conditions';
  where: readonly Prisma.Sql[];
  fromJson: Parameters<typeof rowFromJson>[1];
}

const tableOf = (selection: EntrySelection) => Prisma.sql`${Prisma.raw(`"${selection.table}"`)} e`;
const ORDER_RECORDED = [Prisma.sql`e."createdAt"`, Prisma.sql`e."id"`];

/** Every entry selected, in the order recorded, as a part of a read composed elsewhere (the chart). */
export function entriesPart<Row>(selection: EntrySelection): ReadPart<Row[]> {
  return {
    sql: Prisma.sql`(SELECT coalesce(jsonb_agg(to_jsonb(e) ORDER BY ${Prisma.join(ORDER_RECORDED)}), '[]'::jsonb)
      FROM ${tableOf(selection)} WHERE ${Prisma.join(selection.where, ' AND ')})`,
    read: (json) => rowsFromJson<Row>(json, selection.fromJson),
  };
}

/** The entries selected, one page in (createdAt, id) order and how many in all, as parts of a read composed elsewhere (FHIR searches). */
export function entriesListingParts<Row>(selection: EntrySelection, after: InstantKey | undefined, take: number): ListingParts<Row> {
  return listingParts({
    from: tableOf(selection),
    where: selection.where,
    orderBy: ORDER_RECORDED,
    after: after && [utcTimestamp(after[0]), Prisma.sql`${after[1]}::uuid`],
    take,
    row: Prisma.sql`to_jsonb(e)`,
    read: (json) => rowFromJson<Row>(json, selection.fromJson),
  });
}
