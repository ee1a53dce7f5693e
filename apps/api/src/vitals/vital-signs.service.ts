import { Injectable } from '@nestjs/common';
import type { Prisma } from '@clinic/db';
import type { IdsPart, ListingParts, ReadPart, RelationPart } from '../common/read-parts.js';
import type { VisitHeader } from '../appointments/appointment-record.js';
import { AuditTrail } from '../audit/audit-trail.js';
import { assertFresh } from '../common/etag.js';
import { StaleWrite } from '../common/domain-error.js';
import { type Page, type PageQueryDto, toPage } from '../common/pagination.js';
import { PatientNotFound } from '../patients/patients.errors.js';
import { PatientsService } from '../patients/patients.service.js';
import { AppointmentsService } from '../appointments/appointments.service.js';
import { instantKeyAfter, instantKeyOf } from '../common/cursors.js';
import type { RecordVitalSignsDto } from './dto/record-vital-signs.dto.js';
import { type VitalSignsDto, toVitalSignsDto } from './dto/vital-signs.dto.js';
import {
  BMI_RANGE,
  bodyMassIndex,
  MEASUREMENTS,
  type MeasurementKind,
  type MeasurementRow,
  type VitalSignsRecord,
  type VitalSignsValues,
} from './vital-signs-record.js';
import { ImplausibleBmi, VitalSignsEmpty, VitalSignsForAbsentVisit, VitalSignsNotFound } from './vital-signs.errors.js';
import { VitalSignsRepository } from './vital-signs.repository.js';

function valuesFrom(body: RecordVitalSignsDto): VitalSignsValues {
  const measured = Object.fromEntries(MEASUREMENTS.map((field) => [field, body[field] ?? null])) as Omit<VitalSignsValues, 'bmi'>;
  if (MEASUREMENTS.every((field) => measured[field] === null)) throw new VitalSignsEmpty();
  const bmi = measured.weight !== null && measured.height !== null ? bodyMassIndex(measured.weight, measured.height) : null;
  if (bmi !== null && (bmi < BMI_RANGE.min || bmi > BMI_RANGE.max)) throw new ImplausibleBmi(bmi, BMI_RANGE.min, BMI_RANGE.max);
  return { ...measured, bmi };
}

export interface RecordedVitalSigns {
  vitals: VitalSignsDto;
  created: boolean;
}

@Injectable()
export class VitalSignsService {
  constructor(
    private readonly appointments: AppointmentsService,
    private readonly patients: PatientsService,
    private readonly vitalSigns: VitalSignsRepository,
    private readonly audit: AuditTrail,
  ) {}

  // An appointment id that is no appointment's is recorded by AppointmentsService as a failed
  // attempt on that appointment. Refusals (409 absent visit, 412 If-Match) and invalid bodies
  // record nothing: nothing was shown or changed.

  async getVitalSigns(appointmentId: string): Promise<VitalSignsDto> {
    const appointment = await this.appointments.findAuditedAppointmentOrFail(appointmentId, 'read');
    const vitals = await this.vitalSigns.findVitalSigns(appointment.id);
    if (!vitals) {
      // The visit exists but has no set yet: a failed read of the patient's vital signs.
      await this.audit.record({ action: 'read', resourceType: 'vital_signs', resourceId: null, patientId: appointment.patientId, outcome: 'failed' });
      throw new VitalSignsNotFound();
    }
    await this.audit.record({ action: 'read', resourceType: 'vital_signs', resourceId: vitals.id, patientId: appointment.patientId });
    return toVitalSignsDto(vitals);
  }

  /** Creates the appointment's set, or replaces it whole; the repository records which, with the write. */
  async recordVitalSigns(appointmentId: string, body: RecordVitalSignsDto, ifMatch: string | undefined): Promise<RecordedVitalSigns> {
    // An absent appointment has no set, so the attempt would have been a create.
    const appointment = await this.appointments.findAuditedAppointmentOrFail(appointmentId, 'create');
    if (appointment.status === 'cancelled' || appointment.status === 'no_show') throw new VitalSignsForAbsentVisit(appointment.status);
    const values = valuesFrom(body);
    if (ifMatch !== undefined && ifMatch.trim() !== '*') {
      // If-Match names the set the client read: with no set yet, nothing can match it.
      const current = await this.vitalSigns.findVitalSigns(appointment.id);
      if (!current) throw new StaleWrite();
      assertFresh(ifMatch, toVitalSignsDto(current));
    }
    const { vitals, created } = await this.vitalSigns.replaceVitalSigns(appointment, values);
    return { vitals: toVitalSignsDto(vitals), created };
  }

  /** The patient's latest set, as a part of a read composed elsewhere (the chart). */
  latestOfPatientPart(patientId: Prisma.Sql): ReadPart<VitalSignsRecord | null> {
    return this.vitalSigns.latestOfPatientPart(patientId);
  }

  /** Every set of these visits, as a part of a read composed elsewhere (FHIR's $everything). */
  ofVisitsPart(visitIds: IdsPart): ReadPart<VitalSignsRecord[]> {
    return this.vitalSigns.ofVisitsPart(visitIds);
  }

  /** These visits' measurements, one row per set and kind, one page and how many in all, as parts of a read composed elsewhere (FHIR's Observation search). */
  measurementsListingParts<Visit extends VisitHeader>(
    visits: RelationPart<Visit>,
    kinds: readonly MeasurementKind[],
    after: [Date, string, number] | undefined,
    take: number,
  ): ListingParts<MeasurementRow<Visit>> {
    return this.vitalSigns.measurementsListingParts(visits, kinds, after, take);
  }

  /** Unaudited: a set by its own id, for callers that record their own events (FHIR's Observation read). */
  findVitalSignsById(id: string): Promise<VitalSignsRecord | null> {
    return this.vitalSigns.findVitalSignsById(id);
  }

  async listPatientVitalSigns(patientId: string, page: PageQueryDto): Promise<Page<VitalSignsDto>> {
    const patient = await this.findAuditedPatientOrFail(patientId);
    const rows = await this.vitalSigns.listVitalSignsOf(await this.appointments.appointmentIdsOf(patient.id), instantKeyAfter(page.cursor), page.limit + 1);
    const result = toPage(rows, page.limit, (row) => instantKeyOf(row.recordedAt, row.id), toVitalSignsDto);
    // One event for the page: a read of this patient's vital signs (patientIds: the patients shown, this one or none).
    await this.audit.record({ action: 'read', resourceType: 'vital_signs', patientId: patient.id, patientIds: result.data.length > 0 ? [patient.id] : [] });
    return result;
  }

  /** A patient id in the path that is no patient's: a failed read of their vital signs, then the 404. */
  private async findAuditedPatientOrFail(patientId: string): ReturnType<PatientsService['findPatientOrFail']> {
    try {
      return await this.patients.findPatientOrFail(patientId);
    } catch (error) {
      if (error instanceof PatientNotFound) {
        await this.audit.record({ action: 'read', resourceType: 'vital_signs', patientId, outcome: 'failed' });
      }
      throw error;
    }
  }
}
