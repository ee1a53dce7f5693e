import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '@clinic/db';
import { AuditTrail } from '../audit/audit-trail.js';
import { translateRefusals } from '../common/database-errors.js';
import { type IdsPart, type ReadPart, rowFromJson } from '../common/read-parts.js';
import type { AppointmentRecord } from '../appointments/appointment-record.js';
import type { InstantKey } from '../common/cursors.js';
import type { VitalSignsRecord, VitalSignsValues } from './vital-signs-record.js';
import { VisitSealed } from './vital-signs.errors.js';

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

/** The vital_signs table's one owner. */
@Injectable()
export class VitalSignsRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditTrail,
  ) {}

  /** The latest set among these visits, or null, as a part of a read composed elsewhere. */
  latestOfVisitsPart(visitIds: IdsPart): ReadPart<VitalSignsRecord | null> {
    return {
      sql: Prisma.sql`(SELECT to_jsonb(v) FROM "vital_signs" v WHERE v."appointmentId" IN (${visitIds}) ORDER BY v."recordedAt" DESC, v."id" DESC LIMIT 1)`,
      read: (json) => (json === null ? null : rowFromJson<VitalSignsRecord>(json, { instants: ['recordedAt'], decimals: ['temperature', 'weight', 'height', 'bmi'] })),
    };
  }

  async findVitalSigns(appointmentId: string): Promise<VitalSignsRecord | null> {
    const row = await this.prisma.vitalSigns.findUnique({ where: { appointmentId } });
    return row ? toRecord(row) : null;
  }

  /**
   * Creates the appointment's set or replaces it whole, in one statement (two nurses saving at
   * once cannot both create). `created` is true when no set existed: xmax is 0 only on a row
   * this statement inserted. The write is recorded (`create` or `update`, as it turned out) in the
   * same transaction, so the event commits or rolls back with it; the write stays one statement.
   * A visit whose record is signed is sealed: the database's guard refuses the write (VisitSealed).
   */
  async replaceVitalSigns(
    appointment: Pick<AppointmentRecord, 'id' | 'patientId'>,
    values: VitalSignsValues,
  ): Promise<{ vitals: VitalSignsRecord; created: boolean }> {
    const appointmentId = appointment.id;
    return translateRefusals(() => this.prisma.$transaction(async (tx) => {
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
    }), { guarded: () => new VisitSealed() });
  }

  /**
   * The sets of these appointments (one patient's: the appointments feature says which), newest
   * first, plus one row that only says whether another page follows.
   */
  async listVitalSignsOf(appointmentIds: string[], after: InstantKey | undefined, take: number): Promise<VitalSignsRecord[]> {
    if (appointmentIds.length === 0) return [];
    const afterKey = after ? Prisma.sql`AND (v."recordedAt", v."id") < (${after[0].toISOString()}::timestamptz AT TIME ZONE 'UTC', ${after[1]}::uuid)` : Prisma.empty;
    const rows = await this.prisma.$queryRaw<VitalSignsRow[]>`
      SELECT ${COLUMNS}
      FROM "vital_signs" v
      WHERE v."appointmentId" = ANY(${appointmentIds}::uuid[]) ${afterKey}
      ORDER BY v."recordedAt" DESC, v."id" DESC
      LIMIT ${take}`;
    return rows.map(toRecord);
  }
}
