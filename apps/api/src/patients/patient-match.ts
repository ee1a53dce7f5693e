import { Prisma, type Sex } from '@clinic/db';

/**
 * Who a directory lookup by demographics (the FHIR Patient search) looks for. Each list is "any
 * of"; every field given must match. Names match from their start, case and accents ignored.
 */
export interface PatientMatch {
  /** The first or the last name starts with one of these. */
  nameStarts?: readonly string[];
  lastNameStarts?: readonly string[];
  firstNameStarts?: readonly string[];
  /** Born on a day from `from` (inclusive) to `before` (exclusive), both UTC midnights. */
  born?: { from?: Date; before?: Date };
  sexes?: readonly Sex[];
  /** A phone whose digits are one of these, or (either counts) an email that is one of these, case ignored. */
  phoneDigits?: readonly string[];
  emails?: readonly string[];
  archived: 'exclude' | 'include' | 'only';
}

/** A LIKE pattern that finds text starting with `start` (or, `anywhere`, containing it), LIKE's own wildcards taken literally. */
function pattern(start: string, anywhere: boolean): string {
  const literal = start.replace(/[\\%_]/g, (special) => `\\${special}`);
  return `${anywhere ? '%' : ''}${literal}%`;
}

/** Any of these; none at all matches no one (a list asked for that holds nothing finds nothing, never everyone). */
const either = (conditions: Prisma.Sql[]) => (conditions.length > 0 ? Prisma.sql`(${Prisma.join(conditions, ' OR ')})` : Prisma.sql`FALSE`);
const day = (moment: Date) => Prisma.sql`${moment.toISOString().slice(0, 10)}::date`;

// The name conditions repeat the expressions of migration 20261125224800's indexes, so the
// planner can use them: the whole name's trigram index narrows the rows (LIKE '%word%'), and the
// start of the first or last name is then checked on those.
const fullName = Prisma.sql`fold_for_search(p."firstName" || ' ' || p."lastName")`;
const folded = (column: 'firstName' | 'lastName') => Prisma.sql`fold_for_search(p.${Prisma.raw(`"${column}"`)})`;
const inFullName = (starts: readonly string[]) => either(starts.map((start) => Prisma.sql`${fullName} LIKE fold_for_search(${pattern(start, true)})`));
const startsWith = (columns: readonly ('firstName' | 'lastName')[], starts: readonly string[]) =>
  either(starts.flatMap((start) => columns.map((column) => Prisma.sql`${folded(column)} LIKE fold_for_search(${pattern(start, false)})`)));

/** The match as conditions over `patients p`, every value a parameter. */
export function patientMatchConditions(match: PatientMatch): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  const names: [readonly string[] | undefined, readonly ('firstName' | 'lastName')[]][] = [
    [match.nameStarts, ['lastName', 'firstName']],
    [match.lastNameStarts, ['lastName']],
    [match.firstNameStarts, ['firstName']],
  ];
  for (const [starts, columns] of names) {
    if (starts) conditions.push(inFullName(starts), startsWith(columns, starts));
  }
  if (match.born?.from) conditions.push(Prisma.sql`p."dateOfBirth" >= ${day(match.born.from)}`);
  if (match.born?.before) conditions.push(Prisma.sql`p."dateOfBirth" < ${day(match.born.before)}`);
  if (match.sexes) conditions.push(Prisma.sql`p."sex"::text = ANY(${[...match.sexes]}::text[])`);
  if (match.phoneDigits || match.emails) {
    const telecom: Prisma.Sql[] = [];
    if (match.phoneDigits?.length) telecom.push(Prisma.sql`regexp_replace(p."phone", '\\D', '', 'g') = ANY(${[...match.phoneDigits]}::text[])`);
    if (match.emails?.length) telecom.push(Prisma.sql`lower(p."email") IN (SELECT lower(address) FROM unnest(${[...match.emails]}::text[]) address)`);
    conditions.push(either(telecom));
  }
  if (match.archived === 'exclude') conditions.push(Prisma.sql`p."archivedAt" IS NULL`);
  if (match.archived === 'only') conditions.push(Prisma.sql`p."archivedAt" IS NOT NULL`);
  return conditions;
}
