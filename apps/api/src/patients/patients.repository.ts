import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '@clinic/db';
import { AuditTrail } from '../audit/audit-trail.js';
import type { NewPatient, PatientChanges, PatientRecord, PatientSearch } from './patient-record.js';
import { findPatientPage } from './patient-search.query.js';

function isRecordMissing(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025';
}

@Injectable()
export class PatientsRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditTrail,
  ) {}

  findPatient(id: string): Promise<PatientRecord | null> {
    return this.prisma.patient.findUnique({ where: { id } });
  }

  // Every change below commits with its audit event, in one transaction, or not at all.

  createPatient(patient: NewPatient): Promise<PatientRecord> {
    return this.prisma.$transaction(async (tx) => {
      const created = await tx.patient.create({ data: patient });
      await this.audit.recordWithin(tx, { action: 'create', resourceType: 'patient', resourceId: created.id, patientId: created.id });
      return created;
    });
  }

  /**
   * Applies the changes only if the patient is still the version the caller read (same
   * updatedAt); null when someone else changed it in between, and then nothing is recorded.
   */
  async updatePatient(current: PatientRecord, changes: PatientChanges): Promise<PatientRecord | null> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        const updated = await tx.patient.update({ where: { id: current.id, updatedAt: current.updatedAt }, data: changes });
        await this.audit.recordWithin(tx, { action: 'update', resourceType: 'patient', resourceId: current.id, patientId: current.id });
        return updated;
      });
    } catch (error) {
      if (isRecordMissing(error)) return null;
      throw error;
    }
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

  /** One page in (lastName, firstName, id) order, plus one row that only says whether another page follows. */
  searchPatients(search: PatientSearch): Promise<PatientRecord[]> {
    return findPatientPage(search, { rows: (statement) => this.prisma.$queryRaw(statement) });
  }
}
