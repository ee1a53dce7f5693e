import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '@clinic/db';
import { AuditTrail } from '../audit/audit-trail.js';
import { type IdsPart, isOneOfIds, type ReadPart, rowFromJson, rowsFromJson } from '../common/read-parts.js';
import type { AmendmentRow, MedicalRecordWithAmendments, NoteWithAmendments, RecordNotes, RecordSummary } from './medical-record.js';
import type { AuditTransaction } from '../audit/audit.repository.js';
import { RecordSigned } from './records.errors.js';

const WITH_AMENDMENTS = { amendments: { orderBy: [{ createdAt: 'asc' as const }, { id: 'asc' as const }] } };

/** What the AI scribe writes into a visit's record (records/scribe-drafts.ts). */
export interface ScribeDraft {
  /** The fields an extractor fills; each only where the record has none yet. */
  note: Pick<RecordNotes, 'chiefComplaint' | 'historyOfPresentIllness' | 'diagnosis' | 'treatmentPlan' | 'followUpInstructions'>;
  transcript: string;
  /** A recording's URL in this API; undefined keeps the record's. */
  audioFileUrl?: string;
}

/** The audit trail's name for a visit note. */
export const MEDICAL_RECORD = 'medical_record';

/** A record, with the visit it belongs to (its appointment's id) and who signed it. */
export interface RecordOfVisit {
  id: string;
  appointmentId: string;
  isDraft: boolean;
  signedAt: Date | null;
  signedById: string | null;
}

/** A signed record's ids and signature, for what hangs off it (a prescription as a FHIR MedicationRequest). */
export interface SignedRecordHeader {
  id: string;
  appointmentId: string;
  signedAt: Date;
  signedById: string;
}

/** Rolls a signing's transaction back when entries still await review. */
class SigningRolledBack extends Error {
  constructor(readonly waiting: number) {
    super(`${waiting} entries await review`);
  }
}

const SIGNED_OF_VISITS = (visitIds: IdsPart) => Prisma.sql`${isOneOfIds(Prisma.sql`r."appointmentId"`, visitIds)} AND r."signedAt" IS NOT NULL`;

const readNote = (json: unknown): NoteWithAmendments => {
  const note = rowFromJson<NoteWithAmendments>(json, { instants: ['signedAt', 'createdAt', 'updatedAt'] });
  return { ...note, amendments: rowsFromJson<AmendmentRow>(note.amendments, { instants: ['createdAt'] }) };
};

/**
 * The one owner of medical_records and of their amendments (record_amendments), which are part
 * of the record and never exist without it. Every change commits with its audit event (ids only,
 * never the note's text), in one transaction, or not at all.
 */
@Injectable()
export class RecordsRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditTrail,
  ) {}

  findRecordOfVisit(appointmentId: string): Promise<MedicalRecordWithAmendments | null> {
    return this.prisma.medicalRecord.findUnique({ where: { appointmentId }, include: WITH_AMENDMENTS });
  }

  /** The summaries of these visits' records, as a part of a read composed elsewhere. */
  summariesOfVisitsPart(visitIds: IdsPart): ReadPart<RecordSummary[]> {
    return {
      sql: Prisma.sql`(SELECT coalesce(jsonb_agg(jsonb_build_object('id', r."id", 'appointmentId', r."appointmentId", 'isDraft', r."isDraft",
          'signedAt', r."signedAt", 'chiefComplaint', r."chiefComplaint", 'diagnosis', r."diagnosis")), '[]'::jsonb)
        FROM "medical_records" r WHERE ${isOneOfIds(Prisma.sql`r."appointmentId"`, visitIds)})`,
      read: (json) => rowsFromJson<RecordSummary>(json, { instants: ['signedAt'] }),
    };
  }

  findRecord(recordId: string): Promise<RecordOfVisit | null> {
    return this.prisma.medicalRecord.findUnique({ where: { id: recordId }, select: { id: true, appointmentId: true, isDraft: true, signedAt: true, signedById: true } });
  }

  findRecordHeaderOfVisit(appointmentId: string): Promise<RecordOfVisit | null> {
    return this.prisma.medicalRecord.findUnique({ where: { appointmentId }, select: { id: true, appointmentId: true, isDraft: true, signedAt: true, signedById: true } });
  }

  /** A record by its own id with its amendments (oldest first), without the transcript or audio. */
  findNote(recordId: string): Promise<NoteWithAmendments | null> {
    return this.prisma.medicalRecord.findUnique({ where: { id: recordId }, omit: { transcript: true, audioFileUrl: true }, include: WITH_AMENDMENTS });
  }

  /**
   * These visits' signed records with their amendments (oldest first), without the transcript or
   * audio, as a part of a read composed elsewhere. Drafts are left out: they never leave the chart.
   */
  signedOfVisitsPart(visitIds: IdsPart): ReadPart<NoteWithAmendments[]> {
    return {
      sql: Prisma.sql`(SELECT coalesce(jsonb_agg((to_jsonb(r) - 'transcript' - 'audioFileUrl') || jsonb_build_object('amendments',
          (SELECT coalesce(jsonb_agg(to_jsonb(m) ORDER BY m."createdAt", m."id"), '[]'::jsonb) FROM "record_amendments" m WHERE m."medicalRecordId" = r."id"))
        ORDER BY r."signedAt", r."id"), '[]'::jsonb)
        FROM "medical_records" r WHERE ${SIGNED_OF_VISITS(visitIds)})`,
      read: (json) => (Array.isArray(json) ? json.map(readNote) : []),
    };
  }

  /** The ids and signatures of these visits' signed records, as a part of a read composed elsewhere. */
  signedHeadersOfVisitsPart(visitIds: IdsPart): ReadPart<SignedRecordHeader[]> {
    return {
      sql: Prisma.sql`(SELECT coalesce(jsonb_agg(jsonb_build_object('id', r."id", 'appointmentId', r."appointmentId", 'signedAt', r."signedAt", 'signedById', r."signedById")), '[]'::jsonb)
        FROM "medical_records" r WHERE ${SIGNED_OF_VISITS(visitIds)})`,
      read: (json) => rowsFromJson<SignedRecordHeader>(json, { instants: ['signedAt'] }),
    };
  }

  /** The ids of these visits' signed records, for another part's filter. */
  signedIdsOfVisitsPart(visitIds: IdsPart): IdsPart {
    return Prisma.sql`SELECT r."id" FROM "medical_records" r WHERE ${SIGNED_OF_VISITS(visitIds)}`;
  }

  /** Who signed these visits' signed records or amended them, for another part's filter. */
  signersOfVisitsPart(visitIds: IdsPart): IdsPart {
    return Prisma.sql`SELECT r."signedById" FROM "medical_records" r WHERE ${SIGNED_OF_VISITS(visitIds)}
      UNION SELECT m."authorId" FROM "record_amendments" m JOIN "medical_records" r ON r."id" = m."medicalRecordId" WHERE ${SIGNED_OF_VISITS(visitIds)}`;
  }

  createRecord(visit: { id: string; patientId: string }, notes: RecordNotes): Promise<MedicalRecordWithAmendments> {
    return this.prisma.$transaction(async (tx) => {
      const created = await tx.medicalRecord.create({ data: { appointmentId: visit.id, ...notes }, include: WITH_AMENDMENTS });
      await this.audit.recordWithin(tx, { action: 'create', resourceType: MEDICAL_RECORD, resourceId: created.id, patientId: visit.patientId });
      return created;
    });
  }

  /**
   * Replaces the draft's text only if it is still the version the caller read and still a draft;
   * false when someone changed or signed it in between, and then nothing is recorded.
   */
  replaceDraft(current: { id: string; updatedAt: Date }, patientId: string, notes: RecordNotes): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.medicalRecord.updateMany({
        where: { id: current.id, updatedAt: current.updatedAt, signedAt: null },
        data: notes,
      });
      if (count !== 1) return false;
      await this.audit.recordWithin(tx, { action: 'update', resourceType: MEDICAL_RECORD, resourceId: current.id, patientId });
      return true;
    });
  }

  /**
   * Signs the record if it is still an unsigned draft of that version and none of its entries
   * awaits review (`awaitingReview`: the owners' counts, parts of one statement). `signed`, or
   * else nothing changed and nothing was recorded: `changed` by someone in between, or the number
   * of entries `awaitingReview`. They are counted after the record's row is locked FOR UPDATE,
   * which conflicts with the lock the foreign key of every entry being inserted holds on it (FOR
   * KEY SHARE): the signing waits for an insert under way (the scribe's job adding pending items)
   * to commit and then counts it, and an insert that starts later waits for the signing and is
   * refused by the guard of migration 20261125232100. That guard's FOR SHARE read alone does not
   * hold an unsigned record, so the signing's plain UPDATE would not wait (scribe-review.test.ts).
   */
  async signRecord(
    current: { id: string; updatedAt: Date },
    patientId: string,
    signerId: string,
    awaitingReview: readonly ReadPart<number>[],
  ): Promise<'signed' | 'changed' | { awaitingReview: number }> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        await tx.$queryRaw`SELECT 1 FROM "medical_records" WHERE "id" = ${current.id}::uuid FOR UPDATE`;
        const { count } = await tx.medicalRecord.updateMany({
          where: { id: current.id, updatedAt: current.updatedAt, signedAt: null },
          data: { isDraft: false, signedAt: new Date(), signedById: signerId },
        });
        if (count !== 1) return 'changed' as const;
        if (awaitingReview.length > 0) {
          const [{ waiting }] = await tx.$queryRaw<{ waiting: number }[]>`SELECT (${Prisma.join(awaitingReview.map((part) => part.sql), ' + ')})::int AS "waiting"`;
          // Thrown to roll the signing back; caught below.
          if (waiting > 0) throw new SigningRolledBack(waiting);
        }
        await this.audit.recordWithin(tx, { action: 'sign', resourceType: MEDICAL_RECORD, resourceId: current.id, patientId });
        return 'signed' as const;
      });
    } catch (error) {
      if (error instanceof SigningRolledBack) return { awaitingReview: error.waiting };
      throw error;
    }
  }

  /**
   * The scribe's draft, within the caller's transaction (the job's, which also writes the items
   * and marks the job ready): the visit's record is created as an AI draft, or the unsigned one
   * is completed. Only the note fields nobody has written yet are filled; the transcript (and the
   * recording's URL, for a recording) are the job's. The record's row is locked first, so a
   * clinician's edit or signing in between waits or is seen. A signed record is refused.
   */
  async writeScribeDraftWithin(tx: AuditTransaction, visit: { id: string; patientId: string }, draft: ScribeDraft): Promise<{ id: string }> {
    await tx.$queryRaw`SELECT "id" FROM "medical_records" WHERE "appointmentId" = ${visit.id}::uuid FOR UPDATE`;
    const current = await tx.medicalRecord.findUnique({ where: { appointmentId: visit.id } });
    const source = { transcript: draft.transcript, isAIGenerated: true, ...(draft.audioFileUrl !== undefined && { audioFileUrl: draft.audioFileUrl }) };
    if (!current) {
      const created = await tx.medicalRecord.create({ data: { appointmentId: visit.id, ...draft.note, ...source }, select: { id: true } });
      await this.audit.recordWithin(tx, { action: 'create', resourceType: MEDICAL_RECORD, resourceId: created.id, patientId: visit.patientId });
      return created;
    }
    if (current.signedAt !== null) throw new RecordSigned();
    const filled: Partial<RecordNotes> = {};
    for (const [field, value] of Object.entries(draft.note) as [keyof ScribeDraft['note'], string | null][]) {
      if (value !== null && !current[field]?.trim()) filled[field] = value;
    }
    await tx.medicalRecord.update({ where: { id: current.id }, data: { ...filled, ...source } });
    await this.audit.recordWithin(tx, { action: 'update', resourceType: MEDICAL_RECORD, resourceId: current.id, patientId: visit.patientId });
    return { id: current.id };
  }

  /** The event names the amended record (the amendment is reached through it), never the reason or text. */
  addAmendment(medicalRecordId: string, patientId: string, authorId: string, amendment: { reason: string; text: string }): Promise<AmendmentRow> {
    return this.prisma.$transaction(async (tx) => {
      const created = await tx.recordAmendment.create({ data: { medicalRecordId, authorId, ...amendment } });
      await this.audit.recordWithin(tx, { action: 'amend', resourceType: MEDICAL_RECORD, resourceId: medicalRecordId, patientId });
      return created;
    });
  }
}
