import { Injectable } from '@nestjs/common';
import { AuditTrail } from '../audit/audit-trail.js';
import type { EntryAttempt, EntryParent, EntryParents } from '../common/chart-entries/chart-entries.js';
import type { PatientRecord } from './patient-record.js';
import { PatientNotFound } from './patients.errors.js';
import { PatientsRepository } from './patients.repository.js';

/** A patient's chart as the parent of its allergies and conditions. */
export type PatientChart = PatientRecord & EntryParent;

/**
 * The patient in a /patients/:id/… path, for the chart's entries (ChartEntries). An archived
 * patient's chart stays readable and correctable. A patient id that is nobody's is recorded as a
 * failed attempt in the words of the entry asked for, so the trail shows who tries ids.
 */
@Injectable()
export class PatientCharts implements EntryParents<PatientChart> {
  constructor(
    private readonly patients: PatientsRepository,
    private readonly audit: AuditTrail,
  ) {}

  async find(patientId: string): Promise<PatientChart | null> {
    const patient = await this.patients.findPatient(patientId);
    return patient && { ...patient, patientId: patient.id };
  }

  async recordMissing(patientId: string, attempt: EntryAttempt): Promise<void> {
    await this.audit.record({ action: attempt.action, resourceType: attempt.resourceType, resourceId: attempt.entryId, patientId, outcome: 'failed' });
  }

  notFound(): PatientNotFound {
    return new PatientNotFound();
  }

  /** A chart always takes corrections; an archived patient's too. */
  assertWritable(): void {}

  listResourceId(): null {
    return null;
  }

  async patientOf(patientId: string): Promise<string> {
    return patientId;
  }
}
