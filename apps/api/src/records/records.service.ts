import { Injectable } from '@nestjs/common';
import type { IdsPart, ReadPart } from '../common/read-parts.js';
import { AuditTrail } from '../audit/audit-trail.js';
import type { AuditEntry } from '../audit/audit-event.js';
import { AppointmentsService } from '../appointments/appointments.service.js';
import type { AuthenticatedProvider } from '../identity/authenticated-provider.js';
import { StaleWrite } from '../common/domain-error.js';
import { assertFresh } from '../common/etag.js';
import { type AmendmentDto, toAmendmentDto } from './dto/amendment.dto.js';
import type { CreateAmendmentDto } from './dto/create-amendment.dto.js';
import { type MedicalRecordDto, toMedicalRecordDto } from './dto/medical-record.dto.js';
import type { WriteRecordDto } from './dto/write-record.dto.js';
import {
  isSigned,
  type MedicalRecordWithAmendments,
  NOTE_FIELDS,
  type NoteWithAmendments,
  type RecordNotes,
  type RecordOwner,
  type RecordSummary,
  type VisitRow,
} from './medical-record.js';
import { AppointmentNotFound } from '../appointments/appointments.errors.js';
import { MedicalRecordNotFound, RecordNotSigned, RecordSigned, VisitNotHeld } from './records.errors.js';
import { PendingReviews } from './review/pending-reviews.js';
import { ItemsAwaitReview } from './review/review.errors.js';
import { MEDICAL_RECORD, type RecordOfVisit, RecordsRepository, type SignedRecordHeader } from './records.repository.js';

type AuditAction = AuditEntry['action'];

// Visits that did not take place have nothing to chart.
const NO_VISIT = new Set(['cancelled', 'no_show']);

/** PUT replaces the whole text: a field left out is empty afterwards. */
function notesFrom(body: WriteRecordDto): RecordNotes {
  const notes = {} as RecordNotes;
  for (const field of NOTE_FIELDS) notes[field] = body[field] ?? null;
  return notes;
}

@Injectable()
export class RecordsService {
  constructor(
    private readonly records: RecordsRepository,
    private readonly appointments: AppointmentsService,
    private readonly audit: AuditTrail,
    private readonly pendingReviews: PendingReviews,
  ) {}

  async getRecord(appointmentId: string): Promise<MedicalRecordDto> {
    const visit = await this.findVisitOrFail(appointmentId, 'read');
    const record = await this.findRecordOrFail(visit, 'read');
    await this.audit.record({ action: 'read', resourceType: MEDICAL_RECORD, resourceId: record.id, patientId: visit.patientId });
    return toMedicalRecordDto(record);
  }

  /** Creates the draft, or replaces its text; a signed record is refused (409). */
  async writeDraft(appointmentId: string, body: WriteRecordDto, ifMatch: string | undefined): Promise<MedicalRecordDto> {
    // A visit that does not exist has no record to replace: the attempt is recorded as a create.
    const visit = await this.findVisitOrFail(appointmentId, 'create');
    if (NO_VISIT.has(visit.status)) throw new VisitNotHeld(visit.status);
    const current = await this.records.findRecordOfVisit(appointmentId);
    const notes = notesFrom(body);
    if (!current) {
      // If-Match names a version; there is none yet.
      if (ifMatch !== undefined && ifMatch.trim() !== '*') throw new StaleWrite();
      return toMedicalRecordDto(await this.records.createRecord(visit, notes));
    }
    if (isSigned(current)) throw new RecordSigned();
    assertFresh(ifMatch, toMedicalRecordDto(current));
    if (!(await this.records.replaceDraft(current, visit.patientId, notes))) await this.refuseLostRace(appointmentId);
    return toMedicalRecordDto(await this.currentRecord(appointmentId));
  }

  async signRecord(appointmentId: string, signer: AuthenticatedProvider, ifMatch: string | undefined): Promise<MedicalRecordDto> {
    const visit = await this.findVisitOrFail(appointmentId, 'sign');
    const current = await this.findRecordOrFail(visit, 'sign');
    if (isSigned(current)) throw new RecordSigned();
    assertFresh(ifMatch, toMedicalRecordDto(current));
    // A record whose AI-extracted entries still await the clinician's review is not signed (409).
    const outcome = await this.records.signRecord(current, visit.patientId, signer.id, this.pendingReviews.partsFor(current.id));
    if (outcome === 'changed') await this.refuseLostRace(appointmentId);
    if (typeof outcome === 'object') throw new ItemsAwaitReview(outcome.awaitingReview);
    return toMedicalRecordDto(await this.currentRecord(appointmentId));
  }

  async amendRecord(appointmentId: string, author: AuthenticatedProvider, amendment: CreateAmendmentDto): Promise<AmendmentDto> {
    const visit = await this.findVisitOrFail(appointmentId, 'amend');
    const record = await this.findRecordOrFail(visit, 'amend');
    if (!isSigned(record)) throw new RecordNotSigned();
    return toAmendmentDto(await this.records.addAmendment(record.id, visit.patientId, author.id, { reason: amendment.reason, text: amendment.text }));
  }

  /** The summaries of these visits' records, as a part of a read composed elsewhere (the chart). */
  summariesOfVisitsPart(visitIds: IdsPart): ReadPart<RecordSummary[]> {
    return this.records.summariesOfVisitsPart(visitIds);
  }

  /** These visits' signed records with their amendments, as a part of a read composed elsewhere (FHIR's $everything). */
  signedOfVisitsPart(visitIds: IdsPart): ReadPart<NoteWithAmendments[]> {
    return this.records.signedOfVisitsPart(visitIds);
  }

  /** The ids and signatures of these visits' signed records, as a part of a read composed elsewhere. */
  signedHeadersOfVisitsPart(visitIds: IdsPart): ReadPart<SignedRecordHeader[]> {
    return this.records.signedHeadersOfVisitsPart(visitIds);
  }

  /** The ids of these visits' signed records, for another part's filter. */
  signedIdsOfVisitsPart(visitIds: IdsPart): IdsPart {
    return this.records.signedIdsOfVisitsPart(visitIds);
  }

  /** Who signed or amended these visits' signed records, for another part's filter. */
  signersOfVisitsPart(visitIds: IdsPart): IdsPart {
    return this.records.signersOfVisitsPart(visitIds);
  }

  /** Unaudited: a record's visit and signature by the record's id, for callers that record their own events. */
  findRecordHeader(recordId: string): Promise<RecordOfVisit | null> {
    return this.records.findRecord(recordId);
  }

  /** Unaudited: a visit's record's id and signature, for callers that record their own events (the scribe). */
  findRecordHeaderOfVisit(appointmentId: string): Promise<RecordOfVisit | null> {
    return this.records.findRecordHeaderOfVisit(appointmentId);
  }

  /** Unaudited: a record by its id with its amendments (no transcript or audio), for callers that record their own events. */
  findNote(recordId: string): Promise<NoteWithAmendments | null> {
    return this.records.findNote(recordId);
  }

  /**
   * A record by id with the patient it belongs to (through its visit), or null: for the routes
   * under /records/:recordId (record-notes.ts) and the trail's patient lookups.
   */
  async findRecordOwner(recordId: string): Promise<RecordOwner | null> {
    const record = await this.records.findRecord(recordId);
    const visit = record && (await this.appointments.findAppointment(record.appointmentId));
    return record && visit ? { id: record.id, isDraft: record.isDraft, signedAt: record.signedAt, patientId: visit.patientId } : null;
  }

  // The id in these routes' path is the appointment's: a 404 is recorded as a failed attempt on
  // that appointment (with its patient once the appointment is known), so the trail shows who
  // tries ids. Nothing names the note's text.

  private async findVisitOrFail(appointmentId: string, action: AuditAction): Promise<VisitRow> {
    const visit = await this.appointments.findAppointment(appointmentId);
    if (!visit) {
      await this.audit.record({ action, resourceType: 'appointment', resourceId: appointmentId, outcome: 'failed' });
      throw new AppointmentNotFound();
    }
    return visit;
  }

  private async findRecordOrFail(visit: VisitRow, action: AuditAction): Promise<MedicalRecordWithAmendments> {
    const record = await this.records.findRecordOfVisit(visit.id);
    if (!record) {
      await this.audit.record({ action, resourceType: 'appointment', resourceId: visit.id, patientId: visit.patientId, outcome: 'failed' });
      throw new MedicalRecordNotFound();
    }
    return record;
  }

  /** The record just written (records are never deleted): the write's own event covers showing it. */
  private async currentRecord(appointmentId: string): Promise<MedicalRecordWithAmendments> {
    const record = await this.records.findRecordOfVisit(appointmentId);
    if (!record) throw new MedicalRecordNotFound();
    return record;
  }

  /** A conditional write that changed nothing: signed meanwhile (409) or edited meanwhile (412); neither is recorded. */
  private async refuseLostRace(appointmentId: string): Promise<never> {
    const now = await this.currentRecord(appointmentId);
    throw isSigned(now) ? new RecordSigned() : new StaleWrite();
  }
}
