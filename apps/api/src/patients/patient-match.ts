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

/** A LIKE pattern that finds text starting with `start`, LIKE's own wildcards taken literally. */
function pattern(start: string): string {
  const literal = start.replace(/[\\%_]/g, (special) => `\\${special}`);
  return `${literal}%`;
}

/** Any of these; none at all matches no one (a list asked for that holds nothing finds nothing, never everyone). */
const either = (conditions: Prisma.Sql[]) => (conditions.length > 0 ? Prisma.sql`(${Prisma.join(conditions, ' OR ')})` : Prisma.sql`FALSE`);
const day = (moment: Date) => Prisma.sql`${moment.toISOString().slice(0, 10)}::date`;

// A name condition asks the distinct names (patient_last_names, patient_first_names: one row per
// spelling, kept by triggers, migration 20261201062442) which spellings start with the text, and
// then the patients by those spellings through the name-order indexes (lastName, … and
// firstName, …). Folding every patient's name instead reads the whole table: seconds at a million
// patients.
const NAME_TABLES = { lastName: Prisma.sql`"patient_last_names"`, firstName: Prisma.sql`"patient_first_names"` } as const;
const spellingsStartingWith = (column: 'firstName' | 'lastName', starts: readonly string[]) =>
  Prisma.sql`p.${Prisma.raw(`"${column}"`)} = ANY(ARRAY(SELECT known."name" FROM ${NAME_TABLES[column]} known
    WHERE ${either(starts.map((start) => Prisma.sql`known."folded" LIKE fold_for_search(${pattern(start)})`))}))`;
const startsWith = (columns: readonly ('firstName' | 'lastName')[], starts: readonly string[]) =>
  either(columns.map((column) => spellingsStartingWith(column, starts)));

/** The match as conditions over `patients p`, every value a parameter. */
function patientMatchConditions(match: PatientMatch): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  const names: [readonly string[] | undefined, readonly ('firstName' | 'lastName')[]][] = [
    [match.nameStarts, ['lastName', 'firstName']],
    [match.lastNameStarts, ['lastName']],
    [match.firstNameStarts, ['firstName']],
  ];
  for (const [starts, columns] of names) {
    if (starts) conditions.push(startsWith(columns, starts));
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

/**
 * The patients a match finds, as the FROM of a listing over `p`, and the conditions left for its
 * WHERE. A match by name is answered from the name indexes as a set (the OFFSET 0 keeps the
 * planner from pushing the listing's ORDER BY … LIMIT into it): otherwise it walks the whole name
 * order and filters, since every spelling matched may sort late (seconds at a million patients).
 * Without a name the listing walks the name order itself, which is right for the rest.
 */
export function patientMatchSource(match: PatientMatch): { from: Prisma.Sql; where: Prisma.Sql[] } {
  const conditions = patientMatchConditions(match);
  if (!match.nameStarts && !match.lastNameStarts && !match.firstNameStarts) return { from: Prisma.sql`"patients" p`, where: conditions };
  return { from: Prisma.sql`(SELECT * FROM "patients" p WHERE ${Prisma.join(conditions, ' AND ')} OFFSET 0) p`, where: [] };
}
