import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '@clinic/db';
import { AuditTrail } from '../audit/audit-trail.js';
import { nullWhenMissing } from '../common/database-errors.js';
import type { NameKey } from '../common/cursors.js';
import { type ListingParts, listingParts, type ReadPart, rowFromJson } from '../common/read-parts.js';
import { type PatientMatch, patientMatchConditions } from './patient-match.js';
import type { NewPatient, PatientChanges, PatientRecord, PatientSearch } from './patient-record.js';

const readPatient = (json: unknown) => rowFromJson<PatientRecord>(json, { instants: ['archivedAt', 'createdAt', 'updatedAt'], days: ['dateOfBirth'] });

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

/** The patients table's one owner. */
@Injectable()
export class PatientsRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditTrail,
  ) {}

  findPatient(id: string): Promise<PatientRecord | null> {
    return this.prisma.patient.findUnique({ where: { id } });
  }

  /** The patient, as a part of a read composed elsewhere (common/read-parts.ts); null when there is none. */
  patientPart(patientId: Prisma.Sql): ReadPart<PatientRecord | null> {
    return {
      sql: Prisma.sql`(SELECT to_jsonb(p) FROM "patients" p WHERE p."id" = ${patientId})`,
      read: (json) => (json === null ? null : readPatient(json)),
    };
  }

  /** The patients a match finds, one page in (lastName, firstName, id) order, and how many in all, as parts of a read composed elsewhere. */
  matchingPatientsParts(match: PatientMatch, after: NameKey | undefined, take: number): ListingParts<PatientRecord> {
    return listingParts({
      from: Prisma.sql`"patients" p`,
      where: patientMatchConditions(match),
      orderBy: [Prisma.sql`p."lastName"`, Prisma.sql`p."firstName"`, Prisma.sql`p."id"`],
      after: after && [Prisma.sql`${after[0]}`, Prisma.sql`${after[1]}`, Prisma.sql`${after[2]}::uuid`],
      take,
      row: Prisma.sql`to_jsonb(p)`,
      read: readPatient,
    });
  }

  // Every change below commits with its audit event, in one transaction, or not at all.

  createPatient(patient: NewPatient): Promise<PatientRecord> {
    return this.prisma.$transaction(async (tx) => {
      const created = await tx.patient.create({ data: patient });
      await this.audit.recordWithin(tx, { action: 'create', resourceType: 'patient', resourceId: created.id, patientId: created.id });
      return created;
    });
  }

  /**
   * Applies the changes only if the patient is still the version the caller read (same
   * updatedAt); null when someone else changed it in between, and then nothing is recorded.
   */
  updatePatient(current: PatientRecord, changes: PatientChanges): Promise<PatientRecord | null> {
    return nullWhenMissing(() =>
      this.prisma.$transaction(async (tx) => {
        const updated = await tx.patient.update({ where: { id: current.id, updatedAt: current.updatedAt }, data: changes });
        await this.audit.recordWithin(tx, { action: 'update', resourceType: 'patient', resourceId: current.id, patientId: current.id });
        return updated;
      }),
    );
  }

  /**
   * Archives the patient unless already archived, which keeps the first archiving's instant.
   * Every archiving request is recorded, the repeated ones too.
   */
  async archivePatient(id: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.patient.updateMany({ where: { id, archivedAt: null }, data: { archivedAt: new Date() } });
      await this.audit.recordWithin(tx, { action: 'archive', resourceType: 'patient', resourceId: id, patientId: id });
    });
  }

  /** One page in (lastName, firstName, id) order, plus one row that only says whether another page follows. */
  searchPatients(search: PatientSearch): Promise<PatientRecord[]> {
    return this.prisma.$queryRaw<PatientRecord[]>(patientSearchQuery(search));
  }
}
