// Patient search (GET /api/v1/patients): the statements that find one page, in name order with
// keyset pages, fast at a million patients. The repository runs them through Prisma; the
// benchmark's bare server (apps/api/bench) runs the very same ones through pg.
//
// Every page is decided by the conditions of searchConditions, checked last on the few rows
// fetched: the steps before them only choose which rows to fetch, through indexes whose cost is
// bounded, so they can make a search fast or slow but never change its answer.
import { Prisma } from '@clinic/db';
import { boxCandidates, type CandidateFilters, planSearch } from './patient-search.candidates.js';
import { foldedContains, foldedLength, nameSurvey, searchWords, type SurveyMemory, type SurveyRow, type WordNames, wordNamesOf } from './patient-search.names.js';
import type { PageRecorder } from '../audit/audit-statements.js';
import type { PatientRecord, PatientSearch } from './patient-record.js';

/** Where the search's statements run, and what the process remembers of earlier surveys. */
export interface SearchStatements {
  rows<T>(statement: Prisma.Sql): Promise<T[]>;
  surveys?: SurveyMemory;
  /**
   * Runs a page statement that also writes the search's audit event when the page is the answer
   * (audit-statements.ts, pageRecorded). Absent where the search may not write (a replica): the
   * caller then records the event itself.
   */
  recordedPage?: PageRecorder;
}

/** The page found, and whether its own statement wrote the search's audit event. */
export interface FoundPage {
  rows: PatientRecord[];
  recorded: boolean;
}

/**
 * Runs a statement that may be the search's answer: whatever it finds ('always'), or only when it
 * comes back full (a page from the first last names, or from the short walk). Its event is
 * written by the same statement when `database` can, and then only if the page is the answer.
 */
async function pageStatement(search: PatientSearch, database: SearchStatements, statement: Prisma.Sql, answers: 'always' | 'when full'): Promise<FoundPage> {
  if (!database.recordedPage) return { rows: await database.rows<PatientRecord>(statement), recorded: false };
  const when = answers === 'always' ? Prisma.sql`TRUE` : Prisma.sql`(SELECT count(*) FROM "page") = ${search.take}`;
  // The page holds one row more than it shows when another page follows: the event names those shown.
  const rows = await database.recordedPage<PatientRecord>(statement, { order: NAME_ORDER, shown: search.take - 1, when });
  return { rows, recorded: answers === 'always' || rows.length === search.take };
}

/** The folded names a search compares words with (lower case, without accents). */
interface FoldedNames {
  full: Prisma.Sql;
  last: Prisma.Sql;
  first: Prisma.Sql;
}

const FOLDED_AS_READ: FoldedNames = {
  full: Prisma.sql`fold_for_search(p."firstName" || ' ' || p."lastName")`,
  last: Prisma.sql`fold_for_search(p."lastName")`,
  first: Prisma.sql`fold_for_search(p."firstName")`,
};

// The same, folded once per row by a sub-select of the page statement (OFFSET 0 keeps it a
// sub-select: merged into the statement, each condition would fold the name again).
const FOLDED_ONCE: FoldedNames = { full: Prisma.sql`folded."full"`, last: Prisma.sql`folded."last"`, first: Prisma.sql`folded."first"` };
const FOLD_ONCE = Prisma.sql`CROSS JOIN LATERAL (SELECT ${FOLDED_AS_READ.full} AS "full", ${FOLDED_AS_READ.last} AS "last", ${FOLDED_AS_READ.first} AS "first" OFFSET 0) AS folded`;

function pageConditions(search: PatientSearch): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (!search.includeArchived) conditions.push(Prisma.sql`p."archivedAt" IS NULL`);
  if (search.after) {
    const [lastName, firstName, id] = search.after;
    conditions.push(Prisma.sql`(p."lastName", p."firstName", p."id") > (${lastName}, ${firstName}, ${id}::uuid)`);
  }
  return conditions;
}

function exactConditions(search: PatientSearch): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (search.dateOfBirth !== undefined) conditions.push(Prisma.sql`p."dateOfBirth" = ${search.dateOfBirth}::date`);
  // The same expressions as the indexes of migration 20261125224800_add_patient_search_indexes.
  if (search.phoneDigits !== undefined) conditions.push(Prisma.sql`regexp_replace(p."phone", '\\D', '', 'g') = ${search.phoneDigits}`);
  if (search.email !== undefined) conditions.push(Prisma.sql`lower(p."email") = lower(${search.email})`);
  return conditions;
}

/** What a search means: every row of the page meets all of these, and only these decide. */
export function searchConditions(search: PatientSearch, folded: FoldedNames = FOLDED_AS_READ): Prisma.Sql[] {
  return [
    // A "Last, First" word is looked for in the whole name too, as it always was.
    ...[...search.nameWords, ...search.lastNameWords, ...search.firstNameWords].map((word) => foldedContains(folded.full, word)),
    ...search.lastNameWords.map((word) => foldedContains(folded.last, word)),
    ...search.firstNameWords.map((word) => foldedContains(folded.first, word)),
    ...exactConditions(search),
    ...pageConditions(search),
  ];
}

/** The order of a page's rows, over its columns. */
const NAME_ORDER = Prisma.sql`"lastName", "firstName", "id"`;

const PATIENT_COLUMNS = Prisma.sql`p."id", p."firstName", p."lastName", p."dateOfBirth", p."sex"::text AS "sex", p."phone", p."email",
    p."address", p."emergencyContactName", p."emergencyContactPhone", p."emergencyContactRelationship",
    p."archivedAt", p."createdAt", p."updatedAt"`;

const where = (conditions: Prisma.Sql[]) => (conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty);

/**
 * A date of birth, phone or email matches a handful of patients: start from those (their own
 * indexes), then test the names. MATERIALIZED keeps the planner from walking the name order instead.
 */
function exactFilterPage(search: PatientSearch): Prisma.Sql {
  return Prisma.sql`
    WITH candidates AS MATERIALIZED (SELECT * FROM "patients" p ${where(exactConditions(search))})
    SELECT ${PATIENT_COLUMNS} FROM candidates p ${where(searchConditions(search))}
    ORDER BY p."lastName", p."firstName", p."id" LIMIT ${search.take}`;
}

/** No filter at all: the name order itself, from the cursor on. */
function listingPage(search: PatientSearch): Prisma.Sql {
  return Prisma.sql`
    SELECT ${PATIENT_COLUMNS} FROM "patients" p ${where(pageConditions(search))}
    ORDER BY p."lastName", p."firstName", p."id" LIMIT ${search.take}`;
}

/**
 * The page among the boxes' candidates: in name order (the candidates carry their names), each
 * fetched by id (LIMIT 1 keeps that a nested loop) and checked, until the page is full, so a
 * search reads about one page of rows from the table whatever the number of boxes.
 */
function candidatesPage(search: PatientSearch, candidates: Prisma.Sql[]): Prisma.Sql {
  const union = Prisma.join(
    candidates.map((statement) => Prisma.sql`(${statement})`),
    ' UNION ALL ',
  );
  return Prisma.sql`
    SELECT ${PATIENT_COLUMNS}
    FROM (SELECT DISTINCT candidate."lastName", candidate."firstName", candidate."id" FROM (${union}) AS candidate ORDER BY 1, 2, 3) AS candidate
    CROSS JOIN LATERAL (SELECT * FROM "patients" WHERE "id" = candidate."id" LIMIT 1) AS p
    ${FOLD_ONCE}
    ${where(searchConditions(search, FOLDED_ONCE))}
    ORDER BY candidate."lastName", candidate."firstName", candidate."id" LIMIT ${search.take}`;
}

/** Word tests a candidate row must pass before it is fetched (the words not found by name). */
function wordTests(search: PatientSearch, tested: ReadonlySet<string>): Prisma.Sql[] {
  return [
    ...search.nameWords.filter((word) => tested.has(word)).map((word) => foldedContains(FOLDED_AS_READ.full, word)),
    ...search.lastNameWords.filter((word) => tested.has(word)).map((word) => foldedContains(FOLDED_AS_READ.last, word)),
    ...search.firstNameWords.filter((word) => tested.has(word)).map((word) => foldedContains(FOLDED_AS_READ.first, word)),
  ];
}

/** Entries of the name order a search of short words reads before it asks the names table. */
const SHORT_WORDS_WALK = 400;

/**
 * Words of one or two letters are mostly in a large share of names ("an", "ma"): the first page is
 * then within the first few hundred entries of the name order, cheaper to read (index-only) than
 * the thousands of names that contain them. Null when that stretch holds less than a page, which
 * the walk tells before any row is fetched (on the 1M database, 3 searches in 4: fetching their
 * forty-odd rows for nothing cost more than the walk).
 */
async function shortWordsPage(search: PatientSearch, database: SearchStatements): Promise<FoundPage | null> {
  const all = new Set(searchWords(search).map((word) => word.text));
  const walked = Prisma.sql`
    SELECT found."lastName", found."firstName", found."id"
    FROM (SELECT p."lastName", p."firstName", p."id", count(*) OVER () AS "found"
          FROM (SELECT p."lastName", p."firstName", p."id" FROM "patients" p ${where(pageConditions(search))}
                ORDER BY p."lastName", p."firstName", p."id" LIMIT ${SHORT_WORDS_WALK}) AS p
          ${where(wordTests(search, all))}
          ORDER BY p."lastName", p."firstName", p."id" LIMIT ${search.take}) AS found
    WHERE found."found" >= ${search.take}`;
  const page = await pageStatement(search, database, candidatesPage(search, [walked]), 'when full');
  return page.rows.length === search.take ? page : null;
}

async function namePage(search: PatientSearch, database: SearchStatements): Promise<FoundPage> {
  const words = searchWords(search);
  // One-letter words are in most names: they are only ever tested row by row.
  const counted = [...new Set(words.map((word) => word.text).filter((text) => foldedLength(text) >= 2))];
  const names = new Map<string, WordNames>();
  for (const text of counted) {
    const remembered = database.surveys?.recall(text);
    if (remembered) names.set(text, remembered);
  }
  const surveyed = counted.filter((text) => !names.has(text));
  const surveying: Promise<(readonly [string, WordNames])[]> =
    surveyed.length === 0
      ? Promise.resolve([])
      : database.rows<SurveyRow>(nameSurvey(surveyed)).then((rows) =>
          rows.map((row) => {
            const text = surveyed[row.word]!;
            const found = wordNamesOf(row);
            database.surveys?.keep(text, found);
            return [text, found] as const;
          }),
        );
  if (surveyed.length > 0 && words.every((word) => foldedLength(word.text) <= 2)) {
    // The survey runs meanwhile: when the short walk fills the page, it is not waited for. With
    // every count remembered there is nothing to wait for, and the page statement is as quick.
    const page = await shortWordsPage(search, database).catch(async (error: unknown) => {
      await surveying.catch(() => undefined);
      throw error;
    });
    if (page) {
      surveying.catch(() => undefined);
      return page;
    }
  }
  for (const [text, found] of await surveying) names.set(text, found);
  const plan = planSearch(words, names);
  if (plan.boxes.length === 0) return { rows: [], recorded: false };
  const conditions = [...pageConditions(search), ...wordTests(search, new Set(plan.testedWords.map((word) => word.text)))];
  // Before the register's first ANALYZE the catalog says 0: its names' own carriers are then a floor.
  const registered = Math.max(1, ...[...names.values()].flatMap((found) => [found.registered, found.lastNamePatients, found.firstNamePatients]));
  const candidates = (everyLastName: boolean) => {
    const filters: CandidateFilters = { conditions, take: search.take, fromLastName: search.after?.[0], everyLastName, registered };
    return plan.boxes.map((box) => boxCandidates(box, filters));
  };
  const boxes = candidates(false);
  // A short page from the first last names only may be missing patients of later ones: ask again with all.
  const firstLastNamesOnly = boxes.some((box) => box.firstLastNamesOnly);
  const page = await pageStatement(search, database, candidatesPage(search, boxes.map((box) => box.statement)), firstLastNamesOnly ? 'when full' : 'always');
  if (page.rows.length === search.take || !firstLastNamesOnly) return page;
  return pageStatement(search, database, candidatesPage(search, candidates(true).map((box) => box.statement)), 'always');
}

/**
 * One page in (lastName, firstName, id) order, plus one row that only says whether another page
 * follows; and whether the search's audit event was written with it (SearchStatements.recordedPage).
 */
export function findPatientPage(search: PatientSearch, database: SearchStatements): Promise<FoundPage> {
  if (exactConditions(search).length > 0) return pageStatement(search, database, exactFilterPage(search), 'always');
  if (searchWords(search).length === 0) return pageStatement(search, database, listingPage(search), 'always');
  return namePage(search, database);
}
