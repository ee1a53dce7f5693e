import { Injectable } from '@nestjs/common';
import type { AuthenticatedProvider } from '../auth/authenticated-provider.js';
import { StaleWrite } from '../common/domain-error.js';
import { assertFresh } from '../common/etag.js';
import { type AmendmentDto, toAmendmentDto } from './dto/amendment.dto.js';
import type { CreateAmendmentDto } from './dto/create-amendment.dto.js';
import { type MedicalRecordDto, toMedicalRecordDto } from './dto/medical-record.dto.js';
import type { WriteRecordDto } from './dto/write-record.dto.js';
import { isSigned, type MedicalRecordWithAmendments, NOTE_FIELDS, type RecordNotes, type RecordOwner, type VisitRow } from './medical-record.js';
import { AppointmentNotFound, assertDraft, MedicalRecordNotFound, RecordNotSigned, RecordSigned, VisitNotHeld } from './records.errors.js';
import { RecordsRepository } from './records.repository.js';

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
  constructor(private readonly records: RecordsRepository) {}

  async getRecord(appointmentId: string): Promise<MedicalRecordDto> {
    await this.findVisitOrFail(appointmentId);
    return toMedicalRecordDto(await this.findRecordOrFail(appointmentId));
  }

  /** Creates the draft, or replaces its text; a signed record is refused (409). */
  async writeDraft(appointmentId: string, body: WriteRecordDto, ifMatch: string | undefined): Promise<MedicalRecordDto> {
    const visit = await this.findVisitOrFail(appointmentId);
    if (NO_VISIT.has(visit.status)) throw new VisitNotHeld(visit.status);
    const current = await this.records.findRecordOfVisit(appointmentId);
    const notes = notesFrom(body);
    if (!current) {
      // If-Match names a version; there is none yet.
      if (ifMatch !== undefined && ifMatch.trim() !== '*') throw new StaleWrite();
      return toMedicalRecordDto(await this.records.createRecord(appointmentId, notes));
    }
    if (isSigned(current)) throw new RecordSigned();
    assertFresh(ifMatch, toMedicalRecordDto(current));
    if (!(await this.records.replaceDraft(current, notes))) await this.refuseLostRace(appointmentId);
    return toMedicalRecordDto(await this.findRecordOrFail(appointmentId));
  }

  async signRecord(appointmentId: string, signer: AuthenticatedProvider, ifMatch: string | undefined): Promise<MedicalRecordDto> {
    await this.findVisitOrFail(appointmentId);
    const current = await this.findRecordOrFail(appointmentId);
    if (isSigned(current)) throw new RecordSigned();
    assertFresh(ifMatch, toMedicalRecordDto(current));
    if (!(await this.records.signRecord(current, signer.id))) await this.refuseLostRace(appointmentId);
    return toMedicalRecordDto(await this.findRecordOrFail(appointmentId));
  }

  async amendRecord(appointmentId: string, author: AuthenticatedProvider, amendment: CreateAmendmentDto): Promise<AmendmentDto> {
    await this.findVisitOrFail(appointmentId);
    const record = await this.findRecordOrFail(appointmentId);
    if (!isSigned(record)) throw new RecordNotSigned();
    return toAmendmentDto(await this.records.addAmendment(record.id, author.id, { reason: amendment.reason, text: amendment.text }));
  }

  /** For routes under /records/:recordId: the record and its patient, or 404. */
  async findRecordOwnerOrFail(recordId: string): Promise<RecordOwner> {
    const owner = await this.records.findRecordOwner(recordId);
    if (!owner) throw new MedicalRecordNotFound();
    return owner;
  }

  /** For writes under /records/:recordId: a signed record's symptoms and prescriptions never change. */
  async findDraftOrFail(recordId: string): Promise<RecordOwner> {
    const owner = await this.findRecordOwnerOrFail(recordId);
    assertDraft(owner);
    return owner;
  }

  private async findVisitOrFail(appointmentId: string): Promise<VisitRow> {
    const visit = await this.records.findVisit(appointmentId);
    if (!visit) throw new AppointmentNotFound();
    return visit;
  }

  private async findRecordOrFail(appointmentId: string): Promise<MedicalRecordWithAmendments> {
    const record = await this.records.findRecordOfVisit(appointmentId);
    if (!record) throw new MedicalRecordNotFound();
    return record;
  }

  /** A conditional write that changed nothing: signed meanwhile (409) or edited meanwhile (412). */
  private async refuseLostRace(appointmentId: string): Promise<never> {
    const now = await this.findRecordOrFail(appointmentId);
    throw isSigned(now) ? new RecordSigned() : new StaleWrite();
  }
}
