import { Injectable } from '@nestjs/common';
import { Prisma } from '@clinic/db';
import type { ListingParts, ReadPart } from '../common/read-parts.js';
import type { PatientMatch } from './patient-match.js';
import { AuditTrail } from '../audit/audit-trail.js';
import type { AuditEntry } from '../audit/audit-event.js';
import { StaleWrite } from '../common/domain-error.js';
import { IdempotentCreations, type CreationClaim } from '../common/idempotency/idempotent-creations.js';
import type { IdempotentRequest } from '../common/idempotency/idempotent-request.decorator.js';
import { assertFresh } from '../common/etag.js';
import { type NameKey, nameKeyAfter, nameKeyOf } from '../common/cursors.js';
import { type Page, toPage } from '../common/pagination.js';
import { calendarDay } from '../common/fields/calendar-date.js';
import { sentFields } from '../common/fields/text.js';
import type { CreatePatientDto } from './dto/create-patient.dto.js';
import { type PatientDto, toPatientDto } from './dto/patient.dto.js';
import type { SearchPatientsQueryDto } from './dto/search-patients-query.dto.js';
import type { UpdatePatientDto } from './dto/update-patient.dto.js';
import type { PatientChanges, PatientRecord } from './patient-record.js';
import { digitsOf, parseNameQuery } from './patient-search.js';
import { PatientNotFound } from './patients.errors.js';
import { PatientsRepository } from './patients.repository.js';

function changesFrom(update: UpdatePatientDto): PatientChanges {
  const { dateOfBirth, ...rest } = sentFields(update);
  return { ...rest, ...(dateOfBirth !== undefined && { dateOfBirth: calendarDay(dateOfBirth) }) };
}

@Injectable()
export class PatientsService {
  constructor(
    private readonly patients: PatientsRepository,
    private readonly audit: AuditTrail,
    private readonly idempotent: IdempotentCreations,
  ) {}

  /** With an Idempotency-Key, a retry answers with the patient the first request registered. */
  registerPatient(registration: CreatePatientDto, idempotent?: IdempotentRequest): Promise<PatientDto> {
    return this.idempotent.create(idempotent, {
      create: (claim) => this.createPatient(registration, claim),
      replay: (id) => this.getPatient(id),
    });
  }

  private async createPatient(registration: CreatePatientDto, claim?: CreationClaim): Promise<PatientDto> {
    const patient = await this.patients.createPatient({
      firstName: registration.firstName,
      lastName: registration.lastName,
      dateOfBirth: calendarDay(registration.dateOfBirth),
      sex: registration.sex,
      phone: registration.phone,
      email: registration.email ?? null,
      address: registration.address ?? null,
      emergencyContactName: registration.emergencyContactName,
      emergencyContactPhone: registration.emergencyContactPhone,
      emergencyContactRelationship: registration.emergencyContactRelationship ?? null,
    }, claim);
    return toPatientDto(patient);
  }

  /** The read and its event (failed for an id that is nobody's) in one statement. */
  async getPatient(id: string): Promise<PatientDto> {
    const { patient } = await this.audit.readRecorded(
      { patient: this.patients.patientPart(Prisma.sql`${id}::uuid`) },
      { action: 'read', resourceType: 'patient', resourceId: id, patientId: id },
      'patient',
    );
    if (!patient) throw new PatientNotFound();
    return toPatientDto(patient);
  }

  async updatePatient(id: string, update: UpdatePatientDto, ifMatch: string | undefined): Promise<PatientDto> {
    const current = await this.findAuditedPatientOrFail(id, 'update');
    assertFresh(ifMatch, toPatientDto(current));
    const changes = changesFrom(update);
    if (Object.keys(changes).length === 0) {
      // Nothing changes, but the caller is shown the chart: that is a read.
      await this.recordRead(current.id);
      return toPatientDto(current);
    }
    const updated = await this.patients.updatePatient(current, changes);
    if (!updated) throw new StaleWrite();
    return toPatientDto(updated);
  }

  /** Archiving an archived patient changes nothing and succeeds, like the first time. */
  async archivePatient(id: string): Promise<void> {
    const patient = await this.findAuditedPatientOrFail(id, 'archive');
    await this.patients.archivePatient(patient.id);
  }

  async searchPatients(query: SearchPatientsQueryDto): Promise<Page<PatientDto>> {
    const found = await this.patients.searchPatients({
      ...parseNameQuery(query.q),
      dateOfBirth: query.dateOfBirth,
      phoneDigits: query.phone === undefined ? undefined : digitsOf(query.phone),
      email: query.email,
      includeArchived: query.includeArchived ?? false,
      after: nameKeyAfter(query.cursor),
      take: query.limit + 1,
    }, this.audit.pageRecorder({ action: 'search', resourceType: 'patient' }));
    const page = toPage(found.rows, query.limit, nameKeyOf, toPatientDto);
    // One event per search, naming every patient shown; never the search terms (names, phones).
    // The page's own statement wrote it, unless the search read a replica or found no page to read.
    if (!found.recorded) await this.audit.record({ action: 'search', resourceType: 'patient', patientIds: page.data.map((patient) => patient.id) });
    return page;
  }

  /**
   * For this feature's own routes: a request for an id that is no patient's is recorded as a
   * failed attempt (outcome failed, not denied: denied is kept for refusals of the caller), so
   * the trail shows who tries ids.
   */
  private async findAuditedPatientOrFail(id: string, action: AuditEntry['action']): Promise<PatientRecord> {
    const patient = await this.patients.findPatient(id);
    if (!patient) {
      await this.audit.record({ action, resourceType: 'patient', resourceId: id, patientId: id, outcome: 'failed' });
      throw new PatientNotFound();
    }
    return patient;
  }

  private recordRead(patientId: string): Promise<void> {
    return this.audit.record({ action: 'read', resourceType: 'patient', resourceId: patientId, patientId });
  }

  /** The patient, as a part of a read composed elsewhere (the chart). */
  patientPart(patientId: Prisma.Sql): ReadPart<PatientRecord | null> {
    return this.patients.patientPart(patientId);
  }

  /** The patients a match finds (one page, and how many in all), as parts of a read composed elsewhere (FHIR's Patient search). */
  matchingPatientsParts(match: PatientMatch, after: NameKey | undefined, take: number): ListingParts<PatientRecord> {
    return this.patients.matchingPatientsParts(match, after, take);
  }

  /** Unaudited: for callers that record their own events (FHIR's read). Archived patients too. */
  findPatient(id: string): Promise<PatientRecord | null> {
    return this.patients.findPatient(id);
  }

  /** The patient, archived or not: an archived chart stays readable and correctable. */
  async findPatientOrFail(id: string): Promise<PatientRecord> {
    const patient = await this.patients.findPatient(id);
    if (!patient) throw new PatientNotFound();
    return patient;
  }
}
