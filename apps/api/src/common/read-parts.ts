import { Prisma, type PrismaClient } from '@clinic/db';

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

/**
 * A subquery over one owner's table that yields rows (`SELECT "id", … FROM …`) another owner's
 * part may join, and how to read one of them back from its JSON (`to_jsonb(alias)`). The type
 * says which columns the joining part may name.
 */
export interface RelationPart<Row> {
  sql: Prisma.Sql;
  read(json: unknown): Row;
}

/** Parts of one statement, by the name each answer comes back under. */
export type ReadParts<T extends Record<string, unknown>> = { [K in keyof T]: ReadPart<T[K]> };

/** The parts as the columns of one SELECT, each under its name (`(…) AS "patient", …`). */
export function partsColumns<T extends Record<string, unknown>>(parts: ReadParts<T>): Prisma.Sql {
  return Prisma.join(Object.keys(parts).map((name) => Prisma.sql`${parts[name].sql} AS ${Prisma.raw(`"${name}"`)}`));
}

/** A row of partsColumns' SELECT back into each part's type. */
export function readPartsRow<T extends Record<string, unknown>>(parts: ReadParts<T>, row: Record<string, unknown>): T {
  return Object.fromEntries(Object.keys(parts).map((name) => [name, parts[name].read(row[name])])) as T;
}

/** One SELECT of the parts, whatever their number: for the repositories that compose reads and own no table. */
export async function selectParts<T extends Record<string, unknown>>(prisma: Pick<PrismaClient, '$queryRaw'>, parts: ReadParts<T>): Promise<T> {
  const [row] = await prisma.$queryRaw<Record<string, unknown>[]>`SELECT ${partsColumns(parts)}`;
  return readPartsRow(parts, row);
}

/**
 * `column = ANY(ARRAY(ids))` for an IdsPart: the planner runs the subquery once and probes the
 * column's index with its ids. `column IN (ids)` lets it choose a hash join over a scan of the
 * whole table instead, which it did for the chart of a long history (every vital-sign and
 * prescription row read to keep a few).
 */
export function isOneOfIds(column: Prisma.Sql, ids: IdsPart): Prisma.Sql {
  return Prisma.sql`${column} = ANY(ARRAY(${ids}))`;
}

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

/** An instant as a value for a TIMESTAMP(3) column, which holds UTC without a zone. */
export const utcTimestamp = (moment: Date): Prisma.Sql => Prisma.sql`(${moment.toISOString()}::timestamptz AT TIME ZONE 'UTC')`;

/** One page of a keyset listing, and how many rows match in all pages: two parts of one statement. */
export type ListingParts<Row> = {
  page: ReadPart<Row[]>;
  total: ReadPart<number>;
};

/** A keyset listing over one owner's table, in its owner's words. */
export interface Listing<Row> {
  /** The rows' source with its alias (`"appointments" a`), joins included. */
  from: Prisma.Sql;
  /** What every row must meet; none: every row. */
  where: readonly Prisma.Sql[];
  /** The sort key, ascending, ending with a unique column, so that the order is total. */
  orderBy: readonly Prisma.Sql[];
  /** The sort key of the row to resume after (its values, cast as the columns are), or none for the first page. */
  after?: readonly Prisma.Sql[];
  /** How many rows the page holds. */
  take: number;
  /** The JSON of one row (`to_jsonb(a)`), and how to read it back. */
  row: Prisma.Sql;
  read(json: unknown): Row;
}

/**
 * A page (rows strictly after `after` in the listing's order, at most `take`) and the total (the
 * rows that match, in all pages). Keyset, like every list of the API: a page never skips or
 * repeats a row when others are added meanwhile.
 */
export function listingParts<Row>(listing: Listing<Row>): ListingParts<Row> {
  const where = (conditions: readonly Prisma.Sql[]) => (conditions.length > 0 ? Prisma.join(conditions, ' AND ') : Prisma.sql`TRUE`);
  const order = Prisma.join(listing.orderBy);
  const after = listing.after ? [Prisma.sql`(${order}) > (${Prisma.join(listing.after)})`] : [];
  return {
    page: {
      sql: Prisma.sql`(SELECT coalesce(jsonb_agg(page."row" ORDER BY page."position"), '[]'::jsonb)
        FROM (SELECT ${listing.row} AS "row", row_number() OVER (ORDER BY ${order}) AS "position"
          FROM ${listing.from} WHERE ${where([...listing.where, ...after])} ORDER BY ${order} LIMIT ${listing.take}) page)`,
      read: (json) => (Array.isArray(json) ? json.map((item) => listing.read(item)) : []),
    },
    total: {
      sql: Prisma.sql`(SELECT count(*)::int FROM ${listing.from} WHERE ${where(listing.where)})`,
      read: (value) => Number(value),
    },
  };
}
