import type { Prisma } from '@clinic/db';

// Read parts: how a read that spans several features' tables (the chart, a FHIR $everything)
// stays one statement while each table keeps one owner. The owning repository writes the SQL
// over its own table — a subquery that yields JSON, or a set of ids — and how to read that JSON
// back into its row type; the reader composes the parts it is handed into one SELECT and never
// names another feature's table itself.

/** A subquery over one owner's table that yields a JSON value, and how to read it back. */
export interface ReadPart<T> {
  sql: Prisma.Sql;
  read(json: unknown): T;
}

/** A subquery over one owner's table that yields a set of ids (`SELECT "id" FROM …`), for another part's filter. */
export type IdsPart = Prisma.Sql;

type Json = Record<string, unknown>;

/**
 * A row of jsonb back into the row type the owner's repository returns elsewhere: timestamps
 * (TIMESTAMP(3), kept in UTC as Prisma writes them) and calendar days (DATE) become Dates, NUMERIC
 * values numbers. Everything else is as JSON gives it.
 */
export function rowFromJson<T>(json: unknown, columns: { instants?: readonly string[]; days?: readonly string[]; decimals?: readonly string[] } = {}): T {
  const row: Json = { ...(json as Json) };
  for (const name of columns.instants ?? []) if (typeof row[name] === 'string') row[name] = new Date(/[Z+]|-\d\d:\d\d$/.test(row[name] as string) ? (row[name] as string) : `${row[name]}Z`);
  for (const name of columns.days ?? []) if (typeof row[name] === 'string') row[name] = new Date(`${row[name]}T00:00:00.000Z`);
  for (const name of columns.decimals ?? []) if (row[name] !== null && row[name] !== undefined) row[name] = Number(row[name]);
  return row as T;
}

/** A part that yields a JSON array of rows, read back one by one. */
export function rowsFromJson<T>(json: unknown, columns: Parameters<typeof rowFromJson>[1] = {}): T[] {
  return Array.isArray(json) ? json.map((item) => rowFromJson<T>(item, columns)) : [];
}
