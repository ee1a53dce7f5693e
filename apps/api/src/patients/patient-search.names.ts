// Step one of a name search: how many first and last names contain each word typed, read from
// patient_last_names and patient_first_names (migration 20261201062442_create_patient_search_names
// says why). The names
// themselves stay in the database: the next statement reads them again where it needs them.
import { Prisma } from '@clinic/db';
import type { PatientSearch } from './patient-record.js';

/** Where a word must occur: either name, or one of them ("Last, First" queries). */
export type WordPlace = 'either' | 'last' | 'first';

export interface SearchWord {
  text: string;
  place: WordPlace;
}

/** What the names table says about one word; counts stop at NAMES_COUNTED and the gather limit + 1. */
export interface WordNames {
  lastNames: number;
  firstNames: number;
  /** Patients carrying one of the first names; Infinity when not counted. */
  firstNamePatients: number;
}

/** Name counts matter only while small (pairs of names to read one by one, first names to gather). */
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

// Three letters or more: the trigram index over "folded". Two letters give pg_trgm no trigram (it
// would read its whole index), so they go through the bigram index, then the same LIKE.
function nameMatches(word: string): Prisma.Sql {
  const like = Prisma.sql`n."folded" LIKE fold_for_search(${containing(word)})`;
  if (foldedLength(word) >= 3) return like;
  return Prisma.sql`search_bigrams(n."folded") @> search_bigrams(fold_for_search(${word})) AND ${like}`;
}

/** The names of one part that contain every one of `words`, as a sub-select of "name". */
export function namesContaining(part: 'first' | 'last', words: readonly string[]): Prisma.Sql {
  const table = part === 'last' ? Prisma.sql`"patient_last_names"` : Prisma.sql`"patient_first_names"`;
  return Prisma.sql`SELECT n."name" FROM ${table} n WHERE ${Prisma.join(words.map(nameMatches), ' AND ')}`;
}

function counted(names: Prisma.Sql, limit: number): Prisma.Sql {
  return Prisma.sql`(SELECT count(*)::int FROM (${names} LIMIT ${limit}) AS found)`;
}

/**
 * One statement for every word: how many last and first names contain it, and, when gathering
 * its first names' patients might exceed `gatherLimit` or another word combines with it, how many
 * patients carry them (read through patients_first_name_idx, stopping past gatherLimit).
 * Rows come back in the order of `words`.
 */
export function nameSurvey(words: readonly string[], options: { alwaysCount: boolean; gatherLimit: number; take: number }): Prisma.Sql {
  const rows = words.map(
    (word, index) => Prisma.sql`
    SELECT ${index}::int AS "word", last_names.found AS "lastNames", first_names.found AS "firstNames",
           CASE WHEN ${options.alwaysCount} OR first_names.found * ${options.take} > ${options.gatherLimit} THEN (
             SELECT count(*)::int FROM (
               SELECT 1 FROM (${namesContaining('first', [word])}) AS first_name
               CROSS JOIN LATERAL (SELECT 1 FROM "patients" p WHERE p."firstName" = first_name."name" LIMIT ${options.gatherLimit + 1}) AS carrier
               LIMIT ${options.gatherLimit + 1}) AS carriers)
           END AS "firstNamePatients"
    FROM (SELECT ${counted(namesContaining('last', [word]), NAMES_COUNTED)} AS found) AS last_names,
         (SELECT ${counted(namesContaining('first', [word]), NAMES_COUNTED)} AS found) AS first_names`,
  );
  return Prisma.sql`SELECT * FROM (${Prisma.join(rows, ' UNION ALL ')}) AS survey ORDER BY "word"`;
}

export interface SurveyRow {
  word: number;
  lastNames: number;
  firstNames: number;
  firstNamePatients: number | null;
}

export function wordNamesOf(row: SurveyRow): WordNames {
  return { lastNames: row.lastNames, firstNames: row.firstNames, firstNamePatients: row.firstNamePatients ?? Number.POSITIVE_INFINITY };
}
