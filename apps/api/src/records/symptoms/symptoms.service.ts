import { Injectable } from '@nestjs/common';
import { AuditTrail } from '../../audit/audit-trail.js';
import { ChartEntries } from '../../common/chart-entries/chart-entries.js';
import { sentFields } from '../../common/fields/text.js';
import type { Page, PageQueryDto } from '../../common/pagination.js';
import type { IdsPart, ReadPart } from '../../common/read-parts.js';
import { type RecordNote, RecordNotes } from '../record-notes.js';
import { EntryReview } from '../review/entry-review.js';
import { PendingReviews } from '../review/pending-reviews.js';
import { SHOWN_ON_RECORD } from '../review/review-status.js';
import { type SymptomDto, toSymptomDto } from './dto/symptom.dto.js';
import type { CreateSymptomDto, UpdateSymptomDto } from './dto/write-symptom.dto.js';
import type { NewSymptom, SymptomRow } from './symptom-row.js';
import { SymptomNotFound } from './symptoms.errors.js';
import { SymptomsRepository } from './symptoms.repository.js';

function newSymptom(record: RecordNote, body: CreateSymptomDto): NewSymptom {
  return {
    medicalRecordId: record.id,
    symptomName: body.symptomName,
    bodySite: body.bodySite ?? null,
    severity: body.severity ?? null,
    duration: body.duration ?? null,
    notes: body.notes ?? null,
  };
}

/**
 * A visit note's symptoms: the note's entries (ChartEntries), changed only while it is a draft,
 * and the clinician's review of those the AI scribe extracted (EntryReview).
 */
@Injectable()
export class SymptomsService {
  private readonly entries: ChartEntries<RecordNote, SymptomRow, SymptomDto>;
  private readonly review: EntryReview<SymptomRow, SymptomDto>;

  constructor(
    notes: RecordNotes,
    private readonly symptoms: SymptomsRepository,
    audit: AuditTrail,
    pending: PendingReviews,
  ) {
    this.entries = new ChartEntries(
      notes,
      { table: symptoms.table, resourceType: 'symptom', listResourceType: 'record_symptoms', toDto: toSymptomDto, notFound: () => new SymptomNotFound() },
      audit,
    );
    this.review = new EntryReview(this.entries, 'symptom');
    pending.register((recordId) => symptoms.awaitingReviewPart(recordId));
  }

  /** Rejected symptoms are kept for the audit and left out. */
  listSymptoms(recordId: string, page: PageQueryDto): Promise<Page<SymptomDto>> {
    return this.entries.list(recordId, page, SHOWN_ON_RECORD);
  }

  recordSymptom(recordId: string, body: CreateSymptomDto): Promise<SymptomDto> {
    return this.entries.create(recordId, (record) => newSymptom(record, body));
  }

  correctSymptom(recordId: string, symptomId: string, update: UpdateSymptomDto, ifMatch: string | undefined): Promise<SymptomDto> {
    return this.entries.correct(recordId, symptomId, ifMatch, (_record, current) => {
      this.review.assertCorrectable(current);
      return sentFields(update);
    });
  }

  removeSymptom(recordId: string, symptomId: string): Promise<void> {
    return this.entries.remove(recordId, symptomId, (current) => this.review.assertRemovable(current));
  }

  acceptSymptom(recordId: string, symptomId: string): Promise<SymptomDto> {
    return this.review.accept(recordId, symptomId);
  }

  rejectSymptom(recordId: string, symptomId: string): Promise<SymptomDto> {
    return this.review.reject(recordId, symptomId);
  }

  /** The symptoms of these records, as a part of a read composed elsewhere (FHIR's $everything). */
  ofRecordsPart(recordIds: IdsPart): ReadPart<SymptomRow[]> {
    return this.symptoms.ofRecordsPart(recordIds);
  }

  /** Unaudited: a record's symptoms, for callers that record their own events (FHIR's Composition read). */
  symptomsOfRecord(recordId: string): Promise<SymptomRow[]> {
    return this.symptoms.symptomsOfRecord(recordId);
  }
}
