// The SQL of patient search (GET /api/v1/patients). The repository runs it through Prisma; the
// benchmark's bare server (apps/api/bench) runs the very same statements through pg.
import { Prisma } from '@clinic/db';
import type { PatientRecord, PatientSearch } from './patient-record.js';

/** Where the search's statements run. */
export interface SearchStatements {
  rows<T>(statement: Prisma.Sql): Promise<T[]>;
}

/** A LIKE pattern that finds `word` anywhere, with LIKE's own wildcards in it taken literally. */
function containing(word: string): string {
  return `%${word.replace(/[\\%_]/g, (special) => `\\${special}`)}%`;
}

// Each condition repeats, character for character, the expression of an index created by
// migration 20261125224800_add_patient_search_indexes: the planner uses an expression index
// only for the very same expression.
const fullName = Prisma.sql`fold_for_search(p."firstName" || ' ' || p."lastName")`;
const nameContains = (word: string) => Prisma.sql`${fullName} LIKE fold_for_search(${containing(word)})`;
const lastNameContains = (word: string) => Prisma.sql`fold_for_search(p."lastName") LIKE fold_for_search(${containing(word)})`;
const firstNameContains = (word: string) => Prisma.sql`fold_for_search(p."firstName") LIKE fold_for_search(${containing(word)})`;

function searchConditions(search: PatientSearch): Prisma.Sql[] {
  const conditions = [
    // A "Last, First" word is looked for in the whole name too: that condition can use the
    // trigram index, and the one on the single column then only rechecks the rows it found.
    ...[...search.nameWords, ...search.lastNameWords, ...search.firstNameWords].map(nameContains),
    ...search.lastNameWords.map(lastNameContains),
    ...search.firstNameWords.map(firstNameContains),
  ];
  if (search.dateOfBirth !== undefined) conditions.push(Prisma.sql`p."dateOfBirth" = ${search.dateOfBirth}::date`);
  if (search.phoneDigits !== undefined) conditions.push(Prisma.sql`regexp_replace(p."phone", '\\D', '', 'g') = ${search.phoneDigits}`);
  if (search.email !== undefined) conditions.push(Prisma.sql`lower(p."email") = lower(${search.email})`);
  if (!search.includeArchived) conditions.push(Prisma.sql`p."archivedAt" IS NULL`);
  if (search.after) {
    const [lastName, firstName, id] = search.after;
    conditions.push(Prisma.sql`(p."lastName", p."firstName", p."id") > (${lastName}, ${firstName}, ${id}::uuid)`);
  }
  return conditions;
}

/** The search's SQL, every value a parameter. Exported for the test that EXPLAINs it. */
export function patientSearchQuery(search: PatientSearch): Prisma.Sql {
  const conditions = searchConditions(search);
  const where = conditions.length > 0 ? Prisma.sql`WHERE ${Prisma.join(conditions, ' AND ')}` : Prisma.empty;
  return Prisma.sql`
    SELECT p."id", p."firstName", p."lastName", p."dateOfBirth", p."sex"::text AS "sex", p."phone", p."email",
           p."address", p."emergencyContactName", p."emergencyContactPhone", p."emergencyContactRelationship",
           p."archivedAt", p."createdAt", p."updatedAt"
    FROM "patients" p
    ${where}
    ORDER BY p."lastName", p."firstName", p."id"
    LIMIT ${search.take}`;
}

/** One page in (lastName, firstName, id) order, plus one row that only says whether another page follows. */
export function findPatientPage(search: PatientSearch, database: SearchStatements): Promise<PatientRecord[]> {
  return database.rows<PatientRecord>(patientSearchQuery(search));
}
