import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '@clinic/db';
import { AuditTrail } from '../../audit/audit-trail.js';
import type { AppointmentRecord } from '../appointment-record.js';
import type { InstantKey } from '../cursors.js';
import type { VitalSignsRecord, VitalSignsValues } from './vital-signs-record.js';

interface VitalSignsRow extends Omit<VitalSignsRecord, 'temperature' | 'weight' | 'height' | 'bmi'> {
  temperature: Prisma.Decimal | null;
  weight: Prisma.Decimal | null;
  height: Prisma.Decimal | null;
  bmi: Prisma.Decimal | null;
}

const decimal = (value: Prisma.Decimal | null): number | null => (value === null ? null : Number(value.toString()));

function toRecord(row: VitalSignsRow): VitalSignsRecord {
  return { ...row, temperature: decimal(row.temperature), weight: decimal(row.weight), height: decimal(row.height), bmi: decimal(row.bmi) };
}

const COLUMNS = Prisma.sql`v."id", v."appointmentId", v."bloodPressureSystolic", v."bloodPressureDiastolic", v."heartRate", v."temperature",
  v."respiratoryRate", v."oxygenSaturation", v."weight", v."height", v."bmi", v."painLevel", v."recordedAt"`;

@Injectable()
export class VitalSignsRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditTrail,
  ) {}

  async findVitalSigns(appointmentId: string): Promise<VitalSignsRecord | null> {
    const row = await this.prisma.vitalSigns.findUnique({ where: { appointmentId } });
    return row ? toRecord(row) : null;
  }

  /**
   * Creates the appointment's set or replaces it whole, in one statement (two nurses saving at
   * once cannot both create). `created` is true when no set existed: xmax is 0 only on a row
   * this statement inserted. The write is recorded (`create` or `update`, as it turned out) in the
   * same transaction, so the event commits or rolls back with it; the write stays one statement.
   */
  async replaceVitalSigns(
    appointment: Pick<AppointmentRecord, 'id' | 'patientId'>,
    values: VitalSignsValues,
  ): Promise<{ vitals: VitalSignsRecord; created: boolean }> {
    const appointmentId = appointment.id;
    return this.prisma.$transaction(async (tx) => {
      const [row] = await tx.$queryRaw<(VitalSignsRow & { created: boolean })[]>`
      INSERT INTO "vital_signs" AS v ("appointmentId", "bloodPressureSystolic", "bloodPressureDiastolic", "heartRate", "temperature",
        "respiratoryRate", "oxygenSaturation", "weight", "height", "bmi", "painLevel", "recordedAt")
      VALUES (${appointmentId}::uuid, ${values.bloodPressureSystolic}::int, ${values.bloodPressureDiastolic}::int, ${values.heartRate}::int,
        ${values.temperature}::numeric, ${values.respiratoryRate}::int, ${values.oxygenSaturation}::int, ${values.weight}::numeric,
        ${values.height}::numeric, ${values.bmi}::numeric, ${values.painLevel}::smallint, (now() AT TIME ZONE 'UTC'))
      ON CONFLICT ("appointmentId") DO UPDATE SET
        "bloodPressureSystolic" = EXCLUDED."bloodPressureSystolic", "bloodPressureDiastolic" = EXCLUDED."bloodPressureDiastolic",
        "heartRate" = EXCLUDED."heartRate", "temperature" = EXCLUDED."temperature", "respiratoryRate" = EXCLUDED."respiratoryRate",
        "oxygenSaturation" = EXCLUDED."oxygenSaturation", "weight" = EXCLUDED."weight", "height" = EXCLUDED."height",
        "bmi" = EXCLUDED."bmi", "painLevel" = EXCLUDED."painLevel", "recordedAt" = EXCLUDED."recordedAt"
      RETURNING ${COLUMNS}, (v.xmax = 0) AS "created"`;
      const { created, ...vitals } = row;
      await this.audit.recordWithin(tx, { action: created ? 'create' : 'update', resourceType: 'vital_signs', resourceId: vitals.id, patientId: appointment.patientId });
      return { vitals: toRecord(vitals), created };
    });
  }

  /** A patient's sets across their appointments, newest first, plus one row that only says whether another page follows. */
  async listPatientVitalSigns(patientId: string, after: InstantKey | undefined, take: number): Promise<VitalSignsRecord[]> {
    const afterKey = after ? Prisma.sql`AND (v."recordedAt", v."id") < (${after[0].toISOString()}::timestamptz AT TIME ZONE 'UTC', ${after[1]}::uuid)` : Prisma.empty;
    const rows = await this.prisma.$queryRaw<VitalSignsRow[]>`
      SELECT ${COLUMNS}
      FROM "vital_signs" v JOIN "appointments" a ON a."id" = v."appointmentId"
      WHERE a."patientId" = ${patientId}::uuid ${afterKey}
      ORDER BY v."recordedAt" DESC, v."id" DESC
      LIMIT ${take}`;
    return rows.map(toRecord);
  }
}
