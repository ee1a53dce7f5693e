import { Injectable } from '@nestjs/common';
import { AuditTrail } from '../audit/audit-trail.js';
import type { AuthenticatedProvider } from '../auth/authenticated-provider.js';
import { toAllergyDto } from '../patients/allergies/dto/allergy.dto.js';
import { toConditionDto } from '../patients/conditions/dto/condition.dto.js';
import { toPatientDto } from '../patients/dto/patient.dto.js';
import { PatientNotFound } from '../patients/patients.errors.js';
import { NOTE_READERS } from '../auth/access-table.js';
import type { ChartPrescriptionRow, ChartVisitRow, ChartVitalsRow } from './chart-rows.js';
import { ChartRepository } from './chart.repository.js';
import type { ChartDto, ChartPrescriptionDto, ChartVisitDto, ChartVitalsDto } from './dto/chart.dto.js';

/** "Current prescriptions": those written in this many days. */
export const PRESCRIPTION_WINDOW_DAYS = 90;

const numberOf = (value: { toNumber(): number } | null) => (value === null ? null : value.toNumber());

function toChartVisitDto(visit: ChartVisitRow, withNotes: boolean): ChartVisitDto {
  const record = visit.medicalRecord;
  return {
    id: visit.id,
    providerId: visit.providerId,
    appointmentDate: visit.appointmentDate.toISOString(),
    appointmentType: visit.appointmentType,
    status: visit.status,
    reasonForVisit: visit.reasonForVisit,
    record: record && {
      id: record.id,
      isDraft: record.isDraft,
      signedAt: record.signedAt?.toISOString() ?? null,
      ...(withNotes && { chiefComplaint: record.chiefComplaint, diagnosis: record.diagnosis }),
    },
  };
}

function toChartVitalsDto(vitals: ChartVitalsRow): ChartVitalsDto {
  return {
    appointmentId: vitals.appointmentId,
    recordedAt: vitals.recordedAt.toISOString(),
    bloodPressureSystolic: vitals.bloodPressureSystolic,
    bloodPressureDiastolic: vitals.bloodPressureDiastolic,
    heartRate: vitals.heartRate,
    temperature: numberOf(vitals.temperature),
    respiratoryRate: vitals.respiratoryRate,
    oxygenSaturation: vitals.oxygenSaturation,
    weight: numberOf(vitals.weight),
    height: numberOf(vitals.height),
    bmi: numberOf(vitals.bmi),
    painLevel: vitals.painLevel,
  };
}

function toChartPrescriptionDto(prescription: ChartPrescriptionRow, withNotes: boolean): ChartPrescriptionDto {
  return {
    id: prescription.id,
    medicalRecordId: prescription.medicalRecordId,
    medicationName: prescription.medicationName,
    strength: prescription.strength,
    dosage: prescription.dosage,
    frequency: prescription.frequency,
    duration: prescription.duration,
    quantity: prescription.quantity,
    refills: prescription.refills,
    instructions: prescription.instructions,
    ...(withNotes && { indication: prescription.indication, overrideReason: prescription.overrideReason }),
    createdAt: prescription.createdAt.toISOString(),
  };
}

@Injectable()
export class ChartService {
  constructor(
    private readonly chart: ChartRepository,
    private readonly audit: AuditTrail,
  ) {}

  async readChart(patientId: string, reader: AuthenticatedProvider, now = new Date()): Promise<ChartDto> {
    const since = new Date(now.getTime() - PRESCRIPTION_WINDOW_DAYS * 24 * 60 * 60 * 1000);
    const rows = await this.chart.readChart(patientId, since);
    if (!rows) {
      // A chart id that is no patient's: a failed attempt, so the trail shows who tries ids.
      await this.audit.record({ action: 'read', resourceType: 'chart', resourceId: patientId, patientId, outcome: 'failed' });
      throw new PatientNotFound();
    }
    const withNotes = NOTE_READERS.includes(reader.role);
    const chart: ChartDto = {
      patient: toPatientDto(rows.patient),
      allergies: rows.allergies.map(toAllergyDto),
      activeConditions: rows.activeConditions.map(toConditionDto),
      recentAppointments: rows.recentVisits.map((visit) => toChartVisitDto(visit, withNotes)),
      latestVitals: rows.latestVitals && toChartVitalsDto(rows.latestVitals),
      recentPrescriptions: rows.recentPrescriptions.map((prescription) => toChartPrescriptionDto(prescription, withNotes)),
      includesNotes: withNotes,
    };
    // One event for the whole chart (its allergies, conditions, visits … are not recorded one by
    // one), before the answer leaves: if it cannot be written the request fails.
    await this.audit.record({ action: 'read', resourceType: 'chart', resourceId: patientId, patientId });
    return chart;
  }
}
