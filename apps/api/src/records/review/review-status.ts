import { Prisma } from '@clinic/db';
import type { ReadPart } from '../../common/read-parts.js';

/**
 * Where a symptom or prescription stands in the clinician's review of what the AI scribe
 * extracted: `pending` until the clinician decides, then `accepted` (it joins the chart) or
 * `rejected` (kept for the audit, hidden from the chart and from the record's lists). Items typed
 * by people are `accepted` from the start. A CHECK holds the same three words in the database
 * (migration add_extraction_review_status).
 */
export const REVIEW_STATUSES = ['pending', 'accepted', 'rejected'] as const;

export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** An entry of a visit note that goes through the review. */
export interface ReviewedEntry {
  id: string;
  createdAt: Date;
  isAIExtracted: boolean;
  reviewStatus: string;
}

/** The filter of a record's lists: a rejected item is kept, and shown there no more. */
export const SHOWN_ON_RECORD = { reviewStatus: { not: 'rejected' } } as const;

/**
 * For the SQL of a part over a note's entries (the chart, FHIR): only what the clinician accepted.
 * `alias` is the table's alias in that part.
 */
export const acceptedOnly = (alias: string): Prisma.Sql => Prisma.sql`${Prisma.raw(`${alias}."reviewStatus"`)} = 'accepted'`;

/**
 * How many of a record's entries in one owner's table await review, as a part of a statement
 * composed elsewhere (the signing). `table` is the owner's table, named by its repository.
 */
export function awaitingReviewPart(table: Prisma.Sql, recordId: string): ReadPart<number> {
  return {
    sql: Prisma.sql`(SELECT count(*)::int FROM ${table} e WHERE e."medicalRecordId" = ${recordId}::uuid AND e."reviewStatus" = 'pending')`,
    read: (value) => Number(value),
  };
}
