// The statements that write an event together with the read it records, built here once: the
// audit repository runs them, and the benchmark's bare server (apps/api/bench) sends the same.
import { Prisma } from '@clinic/db';
import type { NewAuditEvent } from './audit-event.js';

/**
 * `INSERT INTO audit_events … SELECT` of one event, whose outcome and patient ids are expressions
 * over the statement's own rows (`from`: a FROM clause, or empty).
 */
function eventInsert(event: NewAuditEvent, values: { patientIds: Prisma.Sql; outcome: Prisma.Sql; from: Prisma.Sql }): Prisma.Sql {
  return Prisma.sql`
        INSERT INTO "audit_events" ("actorId", "action", "resourceType", "resourceId", "patientId", "patientIds", "clientAddress", "userAgent", "requestId", "outcome")
        SELECT ${event.actorId}::uuid, ${event.action}::"AuditAction", ${event.resourceType}, ${event.resourceId}::uuid, ${event.patientId}::uuid,
          ${values.patientIds}, ${event.clientAddress}, ${event.userAgent}, ${event.requestId},
          (${values.outcome})::"AuditOutcome"
        ${values.from}`;
}

/**
 * A read and its event in one statement: `parts` (one row of sub-selects, common/read-parts.ts) is
 * selected once, and the event inserted from that same row by a data-modifying CTE, which
 * PostgreSQL runs to completion whether or not the outer SELECT reads it. Autocommit makes the two
 * one transaction: the answer exists only if its event was written. The outcome is `failed` when
 * the part named `presence` is null (an id that is nobody's).
 */
export function partsRecorded(parts: Prisma.Sql, event: NewAuditEvent, presence: string): Prisma.Sql {
  const outcome = Prisma.sql`CASE WHEN "parts".${Prisma.raw(`"${presence}"`)} IS NULL THEN 'failed' ELSE ${event.outcome} END`;
  return Prisma.sql`
      WITH "parts" AS MATERIALIZED (SELECT ${parts}),
      "recorded" AS (${eventInsert(event, { patientIds: Prisma.sql`${event.patientIds}::uuid[]`, outcome, from: Prisma.sql`FROM "parts"` })})
      SELECT * FROM "parts"`;
}

/** How a list's page statement records its event (pageRecorded). */
export interface PageRecording {
  /** The page's order, over its columns (`"lastName", "firstName", "id"`). */
  order: Prisma.Sql;
  /** Rows shown (the page holds one more when another page follows): the event names their ids. */
  shown: number;
  /** Whether this page is the answer, over "page" (TRUE, or a count of its rows): only then is the event written. */
  when: Prisma.Sql;
}

/**
 * A list's page and its event in one statement: the page (a SELECT with an "id" column) is read
 * once, and the event, naming the ids of its first `shown` rows in order, is inserted from it when
 * `when` holds, in the same transaction (autocommit), as partsRecorded does for a read.
 */
export function pageRecorded(page: Prisma.Sql, event: NewAuditEvent, { order, shown, when }: PageRecording): Prisma.Sql {
  const patientIds = Prisma.sql`ARRAY(SELECT shown."id" FROM "page" shown ORDER BY ${order} LIMIT ${shown})`;
  return Prisma.sql`
      WITH "page" AS MATERIALIZED (${page}),
      "recorded" AS (${eventInsert(event, { patientIds, outcome: Prisma.sql`${event.outcome}`, from: Prisma.sql`WHERE ${when}` })})
      SELECT * FROM "page" ORDER BY ${order}`;
}

/** Runs a page statement that writes its list's event as pageRecorded says (AuditTrail.pageRecorder). */
export type PageRecorder = <T>(page: Prisma.Sql, recording: PageRecording) => Promise<T[]>;
