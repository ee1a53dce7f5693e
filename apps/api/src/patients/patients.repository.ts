import type { CreationClaim } from '../common/idempotency/idempotent-creations.js';
import { Injectable } from '@nestjs/common';
import { Prisma, type PrismaClient, PrismaService, ReadReplicas } from '@clinic/db';
import type { PageRecorder } from '../audit/audit-statements.js';
import { AuditTrail } from '../audit/audit-trail.js';
import { nullWhenMissing } from '../common/database-errors.js';
import type { NameKey } from '../common/cursors.js';
import { type ListingParts, listingParts, type ReadPart, rowFromJson } from '../common/read-parts.js';
import { type PatientMatch, patientMatchSource } from './patient-match.js';
import type { NewPatient, PatientChanges, PatientRecord, PatientSearch } from './patient-record.js';
import { SurveyMemory } from './patient-search.names.js';
import { type FoundPage, findPatientPage } from './patient-search.query.js';

const readPatient = (json: unknown) => rowFromJson<PatientRecord>(json, { instants: ['archivedAt', 'createdAt', 'updatedAt'], days: ['dateOfBirth'] });

/** The patients table's one owner (and of the name tables search reads, which triggers fill). */
@Injectable()
export class PatientsRepository {
  /** Recent words' name counts, which let a search skip its first statement (patient-search.names.ts). */
  private readonly surveys = new SurveyMemory();

  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditTrail,
    private readonly replicas: ReadReplicas,
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
      ...patientMatchSource(match),
      orderBy: [Prisma.sql`p."lastName"`, Prisma.sql`p."firstName"`, Prisma.sql`p."id"`],
      after: after && [Prisma.sql`${after[0]}`, Prisma.sql`${after[1]}`, Prisma.sql`${after[2]}::uuid`],
      take,
      row: Prisma.sql`to_jsonb(p)`,
      read: readPatient,
    });
  }

  // Every change below commits with its audit event, in one transaction, or not at all.

  /** With a claim, the request's Idempotency-Key is written first, in the same transaction (common/idempotency). */
  createPatient(patient: NewPatient, claim?: CreationClaim): Promise<PatientRecord> {
    return this.prisma.$transaction(async (tx) => {
      await claim?.claimWithin(tx);
      const created = await tx.patient.create({ data: { ...patient, ...(claim && { id: claim.id }) } });
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

  /**
   * One page in (lastName, firstName, id) order, plus one row that only says whether another page
   * follows. Read on a replica when one is within its lag (ReadReplicas): a list decides no write,
   * and a patient registered a moment ago may show a second later.
   */
  searchPatients(search: PatientSearch, recordedPage: PageRecorder): Promise<FoundPage> {
    const find = (db: PrismaClient, recording?: PageRecorder) =>
      findPatientPage(search, { rows: (statement) => db.$queryRaw(statement), surveys: this.surveys, recordedPage: recording });
    // With no replica to read from, the page statement writes the search's event too (one round trip less).
    if (!this.replicas.configured) return find(this.prisma, recordedPage);
    return this.replicas.read((db) => find(db));
  }
}
