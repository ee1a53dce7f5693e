import { Injectable } from '@nestjs/common';
import { Prisma } from '@clinic/db';
import type { AppointmentRecord } from '../appointments/appointment-record.js';
import { AppointmentsService } from '../appointments/appointments.service.js';
import { AuditTrail } from '../audit/audit-trail.js';
import { NOTE_READERS } from '../identity/access-table.js';
import type { AuthenticatedProvider } from '../identity/authenticated-provider.js';
import { toAllergyDto } from '../patients/allergies/dto/allergy.dto.js';
import { AllergiesService } from '../patients/allergies/allergies.service.js';
import { ConditionsService } from '../patients/conditions/conditions.service.js';
import { toConditionDto } from '../patients/conditions/dto/condition.dto.js';
import { toPatientDto } from '../patients/dto/patient.dto.js';
import { PatientNotFound } from '../patients/patients.errors.js';
import { PatientsService } from '../patients/patients.service.js';
import { toPrescriptionDto } from '../records/prescriptions/dto/prescription.dto.js';
import { PrescriptionsService } from '../records/prescriptions/prescriptions.service.js';
import type { RecordSummary } from '../records/medical-record.js';
import { RecordsService } from '../records/records.service.js';
import { toVitalSignsDto } from '../vitals/dto/vital-signs.dto.js';
import { VitalSignsService } from '../vitals/vital-signs.service.js';
import type { ChartDto, ChartPrescriptionDto, ChartVisitDto } from './dto/chart.dto.js';

/** "Current prescriptions": those written in this many days. */
export const PRESCRIPTION_WINDOW_DAYS = 90;
export const RECENT_VISITS = 10;

function toChartVisitDto(visit: AppointmentRecord, record: RecordSummary | undefined, withNotes: boolean): ChartVisitDto {
  return {
    id: visit.id,
    providerId: visit.providerId,
    appointmentDate: visit.appointmentDate.toISOString(),
    appointmentType: visit.appointmentType,
    status: visit.status,
    reasonForVisit: visit.reasonForVisit,
    record: record
      ? {
          id: record.id,
          isDraft: record.isDraft,
          signedAt: record.signedAt?.toISOString() ?? null,
          ...(withNotes && { chiefComplaint: record.chiefComplaint, diagnosis: record.diagnosis }),
        }
      : null,
  };
}

/** Staff see a prescription without its indication and override reason: those are notes. */
function forReader({ indication, overrideReason, ...prescription }: ReturnType<typeof toPrescriptionDto>, withNotes: boolean): ChartPrescriptionDto {
  return withNotes ? { ...prescription, indication, overrideReason } : prescription;
}

@Injectable()
export class ChartService {
  constructor(
    private readonly patients: PatientsService,
    private readonly allergies: AllergiesService,
    private readonly conditions: ConditionsService,
    private readonly appointments: AppointmentsService,
    private readonly records: RecordsService,
    private readonly vitalSigns: VitalSignsService,
    private readonly prescriptions: PrescriptionsService,
    private readonly audit: AuditTrail,
  ) {}

  async readChart(patientId: string, reader: AuthenticatedProvider, now = new Date()): Promise<ChartDto> {
    // One event for the whole chart (its allergies, conditions, visits … are not recorded one by
    // one), written by the statement that reads it: no chart leaves without its event. A chart
    // id that is no patient's is recorded as a failed attempt, so the trail shows who tries ids.
    const rows = await this.audit.readRecorded(this.chartParts(patientId, now), { action: 'read', resourceType: 'chart', resourceId: patientId, patientId }, 'patient');
    if (!rows.patient) throw new PatientNotFound();
    const withNotes = NOTE_READERS.includes(reader.role);
    const recordOf = new Map(rows.recentRecords.map((record) => [record.appointmentId, record]));
    const chart: ChartDto = {
      patient: toPatientDto(rows.patient),
      allergies: rows.allergies.map(toAllergyDto),
      activeConditions: rows.activeConditions.map(toConditionDto),
      recentAppointments: rows.recentVisits.map((visit) => toChartVisitDto(visit, recordOf.get(visit.id), withNotes)),
      latestVitals: rows.latestVitals && toVitalSignsDto(rows.latestVitals),
      recentPrescriptions: rows.recentPrescriptions.map((prescription) => forReader(toPrescriptionDto(prescription), withNotes)),
      includesNotes: withNotes,
    };
    return chart;
  }

  /** What the chart reads: one statement, composed of the parts each feature lends, whatever the length of the history. */
  chartParts(patientId: string, now: Date) {
    const since = new Date(now.getTime() - PRESCRIPTION_WINDOW_DAYS * 24 * 60 * 60 * 1000);
    const patientRef = Prisma.sql`${patientId}::uuid`;
    return {
      patient: this.patients.patientPart(patientRef),
      allergies: this.allergies.ofPatientPart(patientRef),
      activeConditions: this.conditions.ofPatientPart(patientRef, 'active'),
      recentVisits: this.appointments.latestOfPatientPart(patientRef, RECENT_VISITS),
      recentRecords: this.records.summariesOfVisitsPart(this.appointments.idsOfPatientPart(patientRef, RECENT_VISITS)),
      latestVitals: this.vitalSigns.latestOfPatientPart(patientRef),
      recentPrescriptions: this.prescriptions.writtenSinceForPatientPart(patientRef, since),
    };
  }
}
