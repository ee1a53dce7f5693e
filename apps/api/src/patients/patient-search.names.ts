// Step one of a name search: which first and last names contain each word typed, read from
// patient_search_names (migration 20261201062442_create_patient_search_names says why).
import { Prisma } from '@clinic/db';
import type { PatientSearch } from './patient-record.js';

/** Where a word must occur: either name, or one of them ("Last, First" queries). */
export type WordPlace = 'either' | 'last' | 'first';

export interface SearchWord {
  text: string;
  place: WordPlace;
}

/** What the names table says about one word: for each part asked, the names, or null when too many to list. */
export interface WordNames {
  lastNames?: string[] | null;
  firstNames?: string[] | null;
  /** How many patients carry one of firstNames, counted up to the gather limit + 1; Infinity when not counted. */
  firstNamePatients: number;
}

/** More names than this and a word is common enough to be tested on each row instead. */
export const NAMES_LISTED = 2000;

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

// LIMIT first, then sort: a common word stops the index scan at NAMES_LISTED + 1 names.
function namesContaining(part: 'first' | 'last', word: string): Prisma.Sql {
  return Prisma.sql`ARRAY(SELECT found."name" FROM (
      SELECT n."name" FROM "patient_search_names" n WHERE n."part" = ${part} AND ${nameMatches(word)} LIMIT ${NAMES_LISTED + 1}
    ) AS found ORDER BY found."name")`;
}

/** A word to look up, and which of its names the search needs. */
export interface SurveyedWord {
  text: string;
  last: boolean;
  first: boolean;
}

/**
 * One statement for every word: its last names, its first names, and, when `gatherLimit` could
 * be exceeded or another word combines with them, how many patients carry those first names
 * (each read through patients_first_name_idx, the count stopping past gatherLimit).
 * Rows come back in the order of `words`.
 */
export function nameSurvey(words: readonly SurveyedWord[], options: { alwaysCount: boolean; gatherLimit: number; take: number }): Prisma.Sql {
  const rows = words.map(
    (word, index) => Prisma.sql`
    SELECT ${index}::int AS "word",
           ${word.last ? namesContaining('last', word.text) : Prisma.sql`NULL::text[]`} AS "lastNames",
           ${word.first ? namesContaining('first', word.text) : Prisma.sql`NULL::text[]`} AS "firstNames"`,
  );
  // OFFSET 0 keeps each list computed once: the count reads the list, not its query again.
  return Prisma.sql`
    SELECT listed."word", listed."lastNames", listed."firstNames",
           CASE WHEN ${options.alwaysCount} OR cardinality(listed."firstNames") * ${options.take} > ${options.gatherLimit} THEN (
             SELECT count(*)::int FROM (
               SELECT 1 FROM unnest(listed."firstNames") AS first_name("name")
               CROSS JOIN LATERAL (SELECT 1 FROM "patients" p WHERE p."firstName" = first_name."name" LIMIT ${options.gatherLimit + 1}) AS carrier
               LIMIT ${options.gatherLimit + 1}) AS counted)
           END AS "firstNamePatients"
    FROM (${Prisma.join(rows, ' UNION ALL ')} OFFSET 0) AS listed
    ORDER BY listed."word"`;
}

export interface SurveyRow {
  word: number;
  lastNames: string[] | null;
  firstNames: string[] | null;
  firstNamePatients: number | null;
}

export function wordNamesOf(row: SurveyRow): WordNames {
  const listed = (names: string[] | null) => (names === null ? undefined : names.length > NAMES_LISTED ? null : names);
  return { lastNames: listed(row.lastNames), firstNames: listed(row.firstNames), firstNamePatients: row.firstNamePatients ?? Number.POSITIVE_INFINITY };
}
