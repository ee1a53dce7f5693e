// Step two of a name search: from the words to the first patients of the page, in name order,
// through btrees only (migrations 20261201062442 and 20261201062519 say why). Every statement here
// reads a bounded number of index entries, whatever the data.
import { Prisma } from '@clinic/db';
import { isOnePiece, lastNamesWithPiece, NAMES_COUNTED, namesContaining, type SearchWord, type WordNames } from './patient-search.names.js';

/** The names of one part that contain every one of `words`; at most `count` of them (NAMES_COUNTED last names means that many or more). */
export interface NameSet {
  words: string[];
  count: number;
  /** The one word, when it isOnePiece: the last names are then read from their pieces. */
  piece?: string;
}

/**
 * Patients whose last name is in `last` and first name in `first` (absent: any). A row matches
 * the search when it is in one of the plan's boxes and passes the tested words.
 */
export interface NameBox {
  last?: NameSet;
  first?: NameSet;
  /** About how many patients carry one of the first names (the survey's hint; Infinity when any first name will do). */
  firstNamePatients: number;
  /** The same for the last names (the survey's hint, at least that many when the last names were too many to count). */
  lastNamePatients: number;
}

export interface SearchPlan {
  boxes: NameBox[];
  /** Words tested on each candidate row: one letter, or beyond the words that split the search. */
  testedWords: SearchWord[];
}

/** Either-place words that split the search into boxes; more would multiply boxes for little gain. */
const DRIVING_WORDS = 3;

/** Reading more index entries than this to gather a box's patients is slower than walking the name order. */
export const GATHER_LIMIT = 3000;

/**
 * What reading a box with both last and first names costs beyond its index entries, counted in
 * entries read in a row (0.16 µs each). Fitted on the 606 such boxes of the benchmark's "Last, First"
 * and full-name queries over the 1M database, each read the three ways (boxCandidates):
 */
const COST = {
  /** A (last name, first name) pair looked up by its own descent of patients_name_order_idx (2.7 µs). */
  pair: 17,
  /** A last name of the list given to namePairs (3.7 µs: its part of the cross join). */
  pairsLastName: 23,
  /** A first name gathered by firstNameGroups (8 µs: its descent, its page, its sort). */
  group: 50,
  /** Whatever firstNameGroups costs before its first entry (0.5 ms more than the others: the hashed last names). */
  grouping: 3000,
  /** A last name the ordered scan moves to (3.3 µs), and one of its list (1.6 µs: sorted before the scan). */
  orderedLastName: 20,
  listedLastName: 10,
} as const;

function narrowed(set: NameSet | undefined, word: string, found: WordNames, count: number): NameSet {
  if (set) return { words: [...set.words, word], count: Math.min(set.count, count) };
  return { words: [word], count, ...(isOnePiece(found.foldedLetters) && { piece: word }) };
}

/**
 * The boxes whose union holds every match: a row matches "w1 w2" when, for each word, its last
 * name or its first name contains it, so each way of placing the words gives one box. A word no
 * name contains empties the boxes it is placed in, when this search counted it: a remembered zero
 * (SurveyMemory) keeps the box, whose statement then looks the names up again (an index probe).
 */
export function planSearch(words: readonly SearchWord[], names: ReadonlyMap<string, WordNames>): SearchPlan {
  const either = words.filter((word) => word.place === 'either' && names.has(word.text));
  const namesOf = (word: SearchWord) => names.get(word.text)!;
  const driving = new Set(either.sort((a, b) => namesOf(a).lastNames + namesOf(a).firstNames - namesOf(b).lastNames - namesOf(b).firstNames).slice(0, DRIVING_WORDS));
  const testedWords = words.filter((word) => !names.has(word.text) || (word.place === 'either' && !driving.has(word)));

  let boxes: NameBox[] = [{ firstNamePatients: Number.POSITIVE_INFINITY, lastNamePatients: Number.POSITIVE_INFINITY }];
  for (const word of words) {
    if (testedWords.includes(word)) continue;
    const found = namesOf(word);
    const inLast = (box: NameBox) => ({
      ...box,
      last: narrowed(box.last, word.text, found, found.lastNames),
      lastNamePatients: Math.min(box.lastNamePatients, found.lastNamePatients),
    });
    const inFirst = (box: NameBox) => ({
      ...box,
      first: narrowed(box.first, word.text, found, found.firstNames),
      firstNamePatients: Math.min(box.firstNamePatients, found.firstNamePatients),
    });
    const placed = word.place === 'last' ? [inLast] : word.place === 'first' ? [inFirst] : [inLast, inFirst];
    // Counted now, and none: the boxes that place the word in that part hold nobody.
    const noneIn = (set: NameSet | undefined, count: number) => count === 0 && !found.remembered && set?.words.includes(word.text) === true;
    boxes = boxes.flatMap((box) => placed.map((place) => place(box))).filter((box) => !noneIn(box.last, found.lastNames) && !noneIn(box.first, found.firstNames));
  }
  return { boxes, testedWords };
}

/** Conditions every candidate must meet besides its names (archived, cursor, tested words), on `p`. */
export interface CandidateFilters {
  conditions: Prisma.Sql[];
  take: number;
  /** The cursor's last name: a page after it holds no patient of an earlier last name. */
  fromLastName?: string;
  /** Read every matching last name, not only the first LAST_NAMES_AT_ONCE in name order. */
  everyLastName: boolean;
  /** About how many patients the register holds (WordNames.registered), to weigh the ways of reading a box. */
  registered: number;
}

/** One box's statement, and whether it read only the first LAST_NAMES_AT_ONCE last names. */
export interface BoxStatement {
  statement: Prisma.Sql;
  firstLastNamesOnly: boolean;
}

/**
 * Last names read in one ordered index scan. The index sorts the list it is given before reading
 * (string comparisons in the database's collation: a few milliseconds for a few thousand names),
 * so a word in more last names than this is read from its first ones in name order: each has at
 * least one patient, so they nearly always fill the page; when they do not, the search asks again
 * with every name.
 */
const LAST_NAMES_AT_ONCE = 128;

const and = (conditions: Prisma.Sql[]) => (conditions.length > 0 ? Prisma.sql`AND ${Prisma.join(conditions, ' AND ')}` : Prisma.empty);
const where = (conditions: Prisma.Sql[]) => (conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty);

const lastNames = (set: NameSet) => (set.piece === undefined ? namesContaining('last', set.words) : lastNamesWithPiece(set.piece));
const firstNames = (set: NameSet) => namesContaining('first', set.words);

// The names as a list computed once, before the rows are read: as a plain sub-select in a join,
// the planner may read the names table in name order to save a sort, testing every name there is.
const listed = (names: Prisma.Sql) => Prisma.sql`unnest(ARRAY(${names}))`;

// A column's value among a set of names, tested row by row: a sub-select PostgreSQL keeps as a
// hashed filter, one probe per row ("= true" stops the planner from turning it into a join, which
// would lose the index order).
const isOneOf = (column: Prisma.Sql, names: Prisma.Sql) => Prisma.sql`(${column} IN (${names})) = true`;

// In name order through patients_name_order_idx. With last names, `"lastName" = ANY (ARRAY(…))`
// is an index condition on its first column: the index reads one last name after the other, in
// order, each a contiguous run, and the LIMIT stops it once a page is full. (The array is built
// when the statement runs: given as constants, hundreds of names would make the planner weigh
// each against the column statistics, longer than the search.) Without last names the walk tests
// each entry (index-only) and is fast because what it tests is common: about take ÷ its share of
// patients entries.
function nameOrderScan(conditions: Prisma.Sql[], take: number): Prisma.Sql {
  return Prisma.sql`
    SELECT p."lastName", p."firstName", p."id" FROM "patients" p ${where(conditions)}
    ORDER BY p."lastName", p."firstName", p."id" LIMIT ${take}`;
}

// Few patients: the first page of each first name through patients_first_name_idx, then sorted.
// Cost: at most a page per first name, and never more entries than carry those names.
function firstNameGroups(first: NameSet, last: NameSet | undefined, filters: CandidateFilters): Prisma.Sql {
  const ofLastNames = last ? [isOneOf(Prisma.sql`p."lastName"`, lastNames(last))] : [];
  return Prisma.sql`
    SELECT carrier."lastName", carrier."firstName", carrier."id"
    FROM ${listed(firstNames(first))} AS first_name("name")
    CROSS JOIN LATERAL (
      SELECT p."lastName", p."firstName", p."id" FROM "patients" p
      WHERE p."firstName" = first_name."name" ${and([...ofLastNames, ...filters.conditions])}
      ORDER BY p."lastName", p."id" LIMIT ${filters.take}
    ) AS carrier
    ORDER BY 1, 2, 3 LIMIT ${filters.take}`;
}

// A handful of (last name, first name) pairs ("Smith, Jo"): one descent of the name-order index each.
function namePairs(last: NameSet, first: NameSet, filters: CandidateFilters): Prisma.Sql {
  return Prisma.sql`
    SELECT last_name."name" AS "lastName", first_name."name" AS "firstName", pair."id"
    FROM ${listed(lastNames(last))} AS last_name("name")
    CROSS JOIN ${listed(firstNames(first))} AS first_name("name")
    CROSS JOIN LATERAL (
      SELECT p."id" FROM "patients" p
      WHERE p."lastName" = last_name."name" AND p."firstName" = first_name."name" ${and(filters.conditions)}
      ORDER BY p."id" LIMIT ${filters.take}
    ) AS pair
    ORDER BY 1, 2, 3 LIMIT ${filters.take}`;
}

// The last names to read in order: all of them, or, when any first name will do (so that every
// last name gives at least one patient), the first LAST_NAMES_AT_ONCE from the cursor on. A word
// of two or three letters reads those from its pieces (patient_last_name_grams), already in name
// order, index-only; otherwise every matching name is found through the trigram or bigram index and
// sorted (OFFSET 0 keeps it so, rather than read in name order through the primary key, testing
// every name there is): longer words are in few names, and several words together in fewer.
function lastNamesInOrder(last: NameSet, anyFirstName: boolean, filters: CandidateFilters): { names: Prisma.Sql; firstOnly: boolean } {
  const firstOnly = anyFirstName && !filters.everyLastName && last.count > LAST_NAMES_AT_ONCE;
  if (!firstOnly) return { names: Prisma.sql`ARRAY(${lastNames(last)})`, firstOnly };
  if (last.piece !== undefined) {
    return { names: Prisma.sql`ARRAY(${lastNamesWithPiece(last.piece, { from: filters.fromLastName, limit: LAST_NAMES_AT_ONCE })})`, firstOnly };
  }
  const from = filters.fromLastName === undefined ? Prisma.empty : Prisma.sql`WHERE found."name" >= ${filters.fromLastName}`;
  return { names: Prisma.sql`ARRAY(SELECT found."name" FROM (${lastNames(last)} OFFSET 0) AS found ${from} ORDER BY found."name" LIMIT ${LAST_NAMES_AT_ONCE})`, firstOnly };
}

/**
 * About what each way of reading a box with last and first names costs (COST, in index entries),
 * taking matches as spread evenly over the register (a page of 51 among the carriers of a first name
 * one patient in a hundred bears is about 5,100 entries of the last names' order):
 * - `ordered`: the last names in name order, testing each entry's first name, until the page is full;
 * - `grouped`: each first name's carriers in last-name order, testing each entry's last name;
 * - `pairs`: one descent for each (last name, first name) pair.
 * When the last names were too many to count (NAMES_COUNTED), their patients are at least the count,
 * not about it: a word like "smith" is in a thousand last names, and its own is among the most common.
 */
function bothNamesCosts(box: NameBox & { last: NameSet; first: NameSet }, { take, registered }: Pick<CandidateFilters, 'take' | 'registered'>) {
  const { last, first } = box;
  const lastNamePatients = Math.max(box.lastNamePatients, 1);
  const firstNamePatients = Math.max(box.firstNamePatients, 1);
  const lastCounted = last.count < NAMES_COUNTED;
  const orderedEntries = Math.min((take * registered) / firstNamePatients, lastCounted ? lastNamePatients : Number.POSITIVE_INFINITY);
  const lastNamesVisited = last.count * Math.min(1, orderedEntries / lastNamePatients);
  const groupedEntries = Math.min(firstNamePatients, (first.count * take * registered) / lastNamePatients);
  return {
    ordered: orderedEntries + lastNamesVisited * COST.orderedLastName + last.count * COST.listedLastName,
    grouped: groupedEntries + first.count * COST.group + COST.grouping,
    pairs: last.count * first.count * COST.pair + last.count * COST.pairsLastName,
  };
}

/** The cheapest way of reading a box with last and first names (bothNamesCosts). */
export function bothNamesReading(box: NameBox & { last: NameSet; first: NameSet }, filters: Pick<CandidateFilters, 'take' | 'registered'>): 'ordered' | 'grouped' | 'pairs' {
  const cost = bothNamesCosts(box, filters);
  if (cost.pairs <= Math.min(cost.grouped, cost.ordered)) return 'pairs';
  return cost.grouped < cost.ordered ? 'grouped' : 'ordered';
}

/** The first `take` candidates of one box, (lastName, firstName, id) in name order, read the cheapest way. */
export function boxCandidates(box: NameBox, filters: CandidateFilters): BoxStatement {
  const { last, first } = box;
  if (last && first) {
    const reading = bothNamesReading({ ...box, last, first }, filters);
    if (reading === 'pairs') return { statement: namePairs(last, first, filters), firstLastNamesOnly: false };
    if (reading === 'grouped') return { statement: firstNameGroups(first, last, filters), firstLastNamesOnly: false };
  } else if (first && Math.min(first.count * filters.take, box.firstNamePatients) <= GATHER_LIMIT) {
    // Any last name: a page per first name at most, and never more entries than carry those names.
    return { statement: firstNameGroups(first, undefined, filters), firstLastNamesOnly: false };
  }
  const ordered = last ? lastNamesInOrder(last, !first, filters) : undefined;
  const ofNames = [
    ...(ordered ? [Prisma.sql`p."lastName" = ANY (${ordered.names})`] : []),
    ...(first ? [isOneOf(Prisma.sql`p."firstName"`, firstNames(first))] : []),
  ];
  return { statement: nameOrderScan([...ofNames, ...filters.conditions], filters.take), firstLastNamesOnly: ordered?.firstOnly ?? false };
}
