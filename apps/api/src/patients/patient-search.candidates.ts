// Step two of a name search: from the names that contain each word to the first patients of
// the page, in name order, through btrees only (migrations 20261201062442 and 20261201062519 say
// why). Every statement here reads a bounded number of index entries, whatever the data.
import { Prisma } from '@clinic/db';
import type { SearchWord, WordNames } from './patient-search.names.js';

/**
 * Patients whose last name is one of lastNames and first name one of firstNames (undefined: any).
 * A row matches the words when it is in one of the boxes of the plan and passes the tested words.
 */
export interface NameBox {
  lastNames?: string[];
  firstNames?: string[];
  /** At least how many patients carry one of firstNames (an upper bound, counted in the survey). */
  firstNamePatients: number;
}

export interface SearchPlan {
  boxes: NameBox[];
  /** Words tested on each candidate row: one letter, or in too many names to list. */
  testedWords: SearchWord[];
}

/** Either-place words that split the search into boxes; more would multiply boxes for little gain. */
const DRIVING_WORDS = 3;

/** Reading more index entries than this to gather a box's patients is slower than walking the name order. */
export const GATHER_LIMIT = 3000;

/** Up to this many (last name, first name) pairs, each read by one descent of patients_name_order_idx. */
const NAME_PAIRS_LIMIT = 64;

function intersect(names: string[] | undefined, others: string[]): string[] {
  if (names === undefined) return others;
  const kept = new Set(others);
  return names.filter((name) => kept.has(name));
}

const isEmpty = (box: NameBox) => box.lastNames?.length === 0 || box.firstNames?.length === 0;

/**
 * The boxes whose union holds every match: a row matches "w1 w2" when, for each word, its last
 * name or its first name contains it, so each way of placing the words gives one box.
 */
export function planSearch(words: readonly SearchWord[], names: ReadonlyMap<string, WordNames>): SearchPlan {
  const listedIn = (word: SearchWord): { lastNames: string[]; firstNames: string[]; firstNamePatients: number } | undefined => {
    const found = names.get(word.text);
    if (!found) return undefined;
    const lastNames = word.place === 'first' ? [] : found.lastNames;
    const firstNames = word.place === 'last' ? [] : found.firstNames;
    return lastNames && firstNames ? { lastNames, firstNames, firstNamePatients: found.firstNamePatients } : undefined;
  };
  const either = words.filter((word) => word.place === 'either' && listedIn(word));
  const driving = new Set(either.sort((a, b) => size(listedIn(a)!) - size(listedIn(b)!)).slice(0, DRIVING_WORDS));
  const testedWords = words.filter((word) => !listedIn(word) || (word.place === 'either' && !driving.has(word)));

  let boxes: NameBox[] = [{ firstNamePatients: Number.POSITIVE_INFINITY }];
  for (const word of words) {
    const found = listedIn(word);
    if (!found || testedWords.includes(word)) continue;
    const inLast = (box: NameBox) => ({ ...box, lastNames: intersect(box.lastNames, found.lastNames) });
    const inFirst = (box: NameBox) => ({
      ...box,
      firstNames: intersect(box.firstNames, found.firstNames),
      firstNamePatients: Math.min(box.firstNamePatients, found.firstNamePatients),
    });
    const placed = word.place === 'last' ? [inLast] : word.place === 'first' ? [inFirst] : [inLast, inFirst];
    boxes = boxes.flatMap((box) => placed.map((place) => place(box))).filter((box) => !isEmpty(box));
  }
  return { boxes, testedWords };
}

function size(found: { lastNames: string[]; firstNames: string[] }): number {
  return found.lastNames.length + found.firstNames.length;
}

/** Conditions every candidate must meet besides its names (archived, cursor, tested words), on `p`. */
export interface CandidateFilters {
  conditions: Prisma.Sql[];
  take: number;
}

// Names reach the statements in two forms, both chosen so that planning stays cheap: written as
// a constant array, a list of hundreds of names makes the planner weigh every name against the
// column statistics (4 ms for 1,100 last names, measured), longer than the search itself.
//   As an index condition, the array comes from a sub-select: the planner sees a parameter, and
//   the index reads the names in order at run time.
const namesArray = (names: readonly string[]) => Prisma.sql`(SELECT ${[...names]}::text[])::text[]`;
//   As a test of each row, a sub-select PostgreSQL keeps as a hashed filter ("= true" stops it
//   from becoming a join, which would lose the index order): one hash probe per row.
const isOneOf = (column: Prisma.Sql, names: readonly string[]) => Prisma.sql`(${column} IN (SELECT unnest(${[...names]}::text[]))) = true`;

const and = (conditions: Prisma.Sql[]) => (conditions.length > 0 ? Prisma.sql`AND ${Prisma.join(conditions, ' AND ')}` : Prisma.empty);

// In name order through patients_name_order_idx. With last names, `"lastName" = ANY (…)` is an
// index condition on its first column: the index is read one last name after the other, in
// order, each a contiguous run, and the LIMIT stops it once a page is full. Without them, the walk
// tests each entry (index-only: names and archivedAt are in the index) and is fast because the
// first names or words it tests are common: about take ÷ their share of patients entries.
function nameOrderScan(conditions: Prisma.Sql[], take: number): Prisma.Sql {
  const where = conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty;
  return Prisma.sql`
    SELECT p."lastName", p."firstName", p."id" FROM "patients" p ${where}
    ORDER BY p."lastName", p."firstName", p."id" LIMIT ${take}`;
}

// Few patients: the first page of each first name through patients_first_name_idx, then sorted.
// Cost: at most a page per first name, and never more entries than carry those names.
function firstNameGroups(firstNames: string[], lastNames: string[] | undefined, filters: CandidateFilters): Prisma.Sql {
  const ofLastNames = lastNames ? [isOneOf(Prisma.sql`p."lastName"`, lastNames)] : [];
  return Prisma.sql`
    SELECT carrier."lastName", carrier."firstName", carrier."id"
    FROM unnest(${[...firstNames]}::text[]) AS first_name("name")
    CROSS JOIN LATERAL (
      SELECT p."lastName", p."firstName", p."id" FROM "patients" p
      WHERE p."firstName" = first_name."name" ${and([...ofLastNames, ...filters.conditions])}
      ORDER BY p."lastName", p."id" LIMIT ${filters.take}
    ) AS carrier
    ORDER BY 1, 2, 3 LIMIT ${filters.take}`;
}

// A handful of (last name, first name) pairs ("Smith, Jo"): one descent of the name-order index each.
function namePairs(lastNames: string[], firstNames: string[], filters: CandidateFilters): Prisma.Sql {
  return Prisma.sql`
    SELECT last_name."name" AS "lastName", first_name."name" AS "firstName", pair."id"
    FROM unnest(${lastNames}::text[]) AS last_name("name")
    CROSS JOIN unnest(${firstNames}::text[]) AS first_name("name")
    CROSS JOIN LATERAL (
      SELECT p."id" FROM "patients" p
      WHERE p."lastName" = last_name."name" AND p."firstName" = first_name."name" ${and(filters.conditions)}
      ORDER BY p."id" LIMIT ${filters.take}
    ) AS pair
    ORDER BY 1, 2, 3 LIMIT ${filters.take}`;
}

/** The first `take` candidates of one box, (lastName, firstName, id) in name order. */
export function boxCandidates(box: NameBox, filters: CandidateFilters): Prisma.Sql {
  const { lastNames, firstNames, firstNamePatients } = box;
  if (lastNames && firstNames && lastNames.length * firstNames.length <= NAME_PAIRS_LIMIT) return namePairs(lastNames, firstNames, filters);
  if (firstNames) {
    // Gathering reads at most a page per first name, and never more than carry those names.
    const gathered = lastNames ? firstNamePatients : Math.min(firstNames.length * filters.take, firstNamePatients);
    if (gathered <= GATHER_LIMIT) return firstNameGroups(firstNames, lastNames, filters);
  }
  const ofNames = [
    ...(lastNames ? [Prisma.sql`p."lastName" = ANY (${namesArray(lastNames)})`] : []),
    ...(firstNames ? [isOneOf(Prisma.sql`p."firstName"`, firstNames)] : []),
  ];
  return nameOrderScan([...ofNames, ...filters.conditions], filters.take);
}
