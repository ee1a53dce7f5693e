// Step one of a name search: how many first and last names contain each word typed, and how many
// patients carry them, read from patient_last_names and patient_first_names alone (migrations
// 20261201062442_create_patient_search_names and 20261202050100_add_patient_search_name_counts say
// why). The names themselves stay in the database: the next statement reads them again where it
// needs them.
import { Prisma } from '@clinic/db';
import type { PatientSearch } from './patient-record.js';

/** Where a word must occur: either name, or one of them ("Last, First" queries). */
export type WordPlace = 'either' | 'last' | 'first';

export interface SearchWord {
  text: string;
  place: WordPlace;
}

/** What the names tables say about one word; last names are counted up to NAMES_COUNTED. */
export interface WordNames {
  /** Letters of the word once folded by fold_for_search (foldedLength guesses it in JavaScript). */
  foldedLetters: number;
  lastNames: number;
  firstNames: number;
  /** Patients carrying one of the last names counted (so at least that many when lastNames is NAMES_COUNTED). */
  lastNamePatients: number;
  /** Patients carrying one of the first names. */
  firstNamePatients: number;
  /** About how many patients the register holds (PostgreSQL's own estimate, pg_class.reltuples; 0 before the first ANALYZE). */
  registered: number;
  /**
   * Counted by an earlier search (SurveyMemory), not by this one: the counts then only choose a
   * plan, and a zero no longer proves that no name contains the word (a patient registered since
   * may carry the first).
   */
  remembered?: boolean;
}

/**
 * Last-name counts matter only while small (pairs of names to read one by one): a two-letter word
 * is in thousands of last names, and reading them all to count them would cost more than the search.
 * First names are few (about 2,000 in a million patients) and are all counted.
 */
export const NAMES_COUNTED = 501;

export function searchWords(search: PatientSearch): SearchWord[] {
  return [
    ...search.nameWords.map((text) => ({ text, place: 'either' as const })),
    ...search.lastNameWords.map((text) => ({ text, place: 'last' as const })),
    ...search.firstNameWords.map((text) => ({ text, place: 'first' as const })),
  ];
}

/** Letters of the word once folded, as near as JavaScript gets to fold_for_search (lower, unaccented). */
export function foldedLength(word: string): number {
  return [...word.normalize('NFKD').replace(/\p{M}/gu, '')].length;
}

/** A LIKE pattern that finds `word` anywhere, with LIKE's own wildcards in it taken literally. */
export function containing(word: string): string {
  return `%${word.replace(/[\\%_]/g, (special) => `\\${special}`)}%`;
}

/** `folded` (a folded name, or a name folded by the statement) contains `word`: the one test every step of a search makes. */
export function foldedContains(folded: Prisma.Sql, word: string): Prisma.Sql {
  return Prisma.sql`${folded} LIKE fold_for_search(${containing(word)})`;
}

// Three letters or more: the trigram index over "folded". Two letters give pg_trgm no trigram (it
// would read its whole index), so they go through the bigram index, then the same LIKE.
function nameMatches(word: string): Prisma.Sql {
  const like = foldedContains(Prisma.sql`n."folded"`, word);
  if (foldedLength(word) >= 3) return like;
  return Prisma.sql`search_bigrams(n."folded") @> search_bigrams(fold_for_search(${word})) AND ${like}`;
}

const namesTable = (part: 'first' | 'last') => (part === 'last' ? Prisma.sql`"patient_last_names"` : Prisma.sql`"patient_first_names"`);

/**
 * Two or three letters once folded (fold_for_search, as the survey measures it): the folded word is
 * then one of the pieces of every last name that contains it, and of no other
 * (migration 20261202072000_create_patient_last_name_grams).
 */
export const isOnePiece = (foldedLetters: number) => foldedLetters === 2 || foldedLetters === 3;

/**
 * The last names that contain `word` (a word that isOnePiece), in name order: index-only entries
 * of the pieces' primary key, `limit` of them from `from` on when given.
 */
export function lastNamesWithPiece(word: string, { from, limit }: { from?: string; limit?: number } = {}): Prisma.Sql {
  const fromName = from === undefined ? Prisma.empty : Prisma.sql`AND g."name" >= ${from}`;
  const limited = limit === undefined ? Prisma.empty : Prisma.sql`ORDER BY g."name" LIMIT ${limit}`;
  return Prisma.sql`SELECT g."name" FROM "patient_last_name_grams" g WHERE g."gram" = fold_for_search(${word}) ${fromName} ${limited}`;
}

/** The names of one part that contain every one of `words`, as a sub-select of "name". */
export function namesContaining(part: 'first' | 'last', words: readonly string[]): Prisma.Sql {
  return Prisma.sql`SELECT n."name" FROM ${namesTable(part)} n WHERE ${Prisma.join(words.map(nameMatches), ' AND ')}`;
}

/** How many of a part's names contain `word` (at most `limit`), and how many patients carry those. */
function tally(part: 'first' | 'last', word: string, limit?: number): Prisma.Sql {
  const table = namesTable(part);
  const limited = limit === undefined ? Prisma.empty : Prisma.sql`LIMIT ${limit}`;
  return Prisma.sql`
    SELECT count(*)::int AS "names", coalesce(sum(found."patients"), 0)::int AS "patients"
    FROM (SELECT n."patients" FROM ${table} n WHERE ${nameMatches(word)} ${limited}) AS found`;
}

/**
 * One statement for every word: how many last and first names contain it and how many patients
 * carry them, from the counts the names tables keep (hints kept by the triggers, exact enough to
 * choose a plan; they never decide an answer). It reads no patient. Rows come back in the order
 * of `words`.
 */
export function nameSurvey(words: readonly string[]): Prisma.Sql {
  const rows = words.map(
    (word, index) => Prisma.sql`
    SELECT ${index}::int AS "word", length(fold_for_search(${word}))::int AS "foldedLetters", last_names."names" AS "lastNames", last_names."patients" AS "lastNamePatients",
           first_names."names" AS "firstNames", first_names."patients" AS "firstNamePatients", registered."patients" AS "registered"
    FROM (${tally('last', word, NAMES_COUNTED)}) AS last_names, (${tally('first', word)}) AS first_names, registered`,
  );
  // How many patients there are is read from the catalog, not counted: the planner's estimate is
  // as close as choosing a plan needs.
  return Prisma.sql`
    WITH registered AS (SELECT greatest(c."reltuples", 0)::int AS "patients" FROM "pg_class" c WHERE c."oid" = '"patients"'::regclass)
    SELECT * FROM (${Prisma.join(rows, ' UNION ALL ')}) AS survey ORDER BY "word"`;
}

export interface SurveyRow extends WordNames {
  /** The word's index in the survey's list. */
  word: number;
}

export function wordNamesOf({ word: _index, ...names }: SurveyRow): WordNames {
  return names;
}

/**
 * The survey's counts of recent words, kept by the process for a minute: the front desk types the
 * same few letters all day ("smi", "joh"), and a search that finds its words here skips its first
 * statement (a round trip and 1 to 4 ms of index reads at a million patients). Counts only choose
 * plans: names are never removed, so a remembered count is at most a few registrations short, and a
 * remembered zero is not trusted to empty a box (planSearch). Bounded: the oldest words go first.
 */
export class SurveyMemory {
  private readonly words = new Map<string, { names: WordNames; until: number }>();

  constructor(
    private readonly capacity = 10_000,
    private readonly keepMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  recall(word: string): WordNames | undefined {
    const kept = this.words.get(word);
    if (kept === undefined) return undefined;
    if (kept.until <= this.now()) {
      this.words.delete(word);
      return undefined;
    }
    return { ...kept.names, remembered: true };
  }

  keep(word: string, names: WordNames): void {
    this.words.delete(word);
    this.words.set(word, { names, until: this.now() + this.keepMs });
    // A Map iterates in insertion order: the first key is the word kept longest ago.
    if (this.words.size > this.capacity) this.words.delete(this.words.keys().next().value!);
  }
}
