import { Injectable } from '@nestjs/common';
import { Prisma, PrismaService } from '@clinic/db';
import { AuditTrail } from '../audit/audit-trail.js';
import { translateRefusals } from '../common/database-errors.js';
import { type IdsPart, isOneOfIds, type ListingParts, listingParts, type ReadPart, type RelationPart, rowFromJson, rowsFromJson, utcTimestamp } from '../common/read-parts.js';
import type { AppointmentRecord, VisitHeader } from '../appointments/appointment-record.js';
import type { InstantKey } from '../common/cursors.js';
import { MEASUREMENTS, type MeasurementKind, type MeasurementRow, type VitalSignsRecord, type VitalSignsValues } from './vital-signs-record.js';
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

const FROM_JSON = { instants: ['recordedAt'], decimals: ['temperature', 'weight', 'height', 'bmi'] };
const readVitalSigns = (json: unknown) => rowFromJson<VitalSignsRecord>(json, FROM_JSON);

const MEASURED_COLUMNS: readonly string[] = [...MEASUREMENTS, 'bmi'];

/** `v."heartRate" IS NOT NULL OR …` for a kind's columns, each checked to be a measurement column: they become SQL identifiers. */
function measured(kind: MeasurementKind): Prisma.Sql {
  const present = kind.columns.map((column) => {
    if (!MEASURED_COLUMNS.includes(column)) throw new Error(`${column} is not a vital-signs measurement column`);
    return Prisma.raw(`v."${column}" IS NOT NULL`);
  });
  return Prisma.join(present, ' OR ');
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

  /**
   * The patient's latest set, or null, as a part of a read composed elsewhere: the last entry of
   * the patient's run of vital_signs_patientId_recordedAt_id_idx (the patient on the row is kept by
   * a trigger, migration 20261202115000), so one descent whatever the length of the history. The
   * latest is chosen by its id first and only that set is read.
   */
  latestOfPatientPart(patientId: Prisma.Sql): ReadPart<VitalSignsRecord | null> {
    return {
      sql: Prisma.sql`(SELECT to_jsonb(v) FROM "vital_signs" v WHERE v."id" = (SELECT latest."id" FROM "vital_signs" latest
        WHERE latest."patientId" = ${patientId} ORDER BY latest."recordedAt" DESC, latest."id" DESC LIMIT 1))`,
      read: (json) => (json === null ? null : readVitalSigns(json)),
    };
  }

  /** Every set of these visits, in (recordedAt, id) order, as a part of a read composed elsewhere. */
  ofVisitsPart(visitIds: IdsPart): ReadPart<VitalSignsRecord[]> {
    return {
      sql: Prisma.sql`(SELECT coalesce(jsonb_agg(to_jsonb(v) ORDER BY v."recordedAt", v."id"), '[]'::jsonb) FROM "vital_signs" v WHERE ${isOneOfIds(Prisma.sql`v."appointmentId"`, visitIds)})`,
      read: (json) => rowsFromJson<VitalSignsRecord>(json, FROM_JSON),
    };
  }

  /**
   * The measurements of these visits' sets, one row per set and kind measured, one page in
   * (visit start, set id, kind position) order and how many in all, as parts of a read composed
   * elsewhere. `after` is the (visit start, set id, position) of the row to resume after.
   */
  measurementsListingParts<Visit extends VisitHeader>(
    visits: RelationPart<Visit>,
    kinds: readonly MeasurementKind[],
    after: [Date, string, number] | undefined,
    take: number,
  ): ListingParts<MeasurementRow<Visit>> {
    const rows = Prisma.join(kinds.map((kind) => Prisma.sql`(${kind.position}::int, ${measured(kind)})`));
    return listingParts({
      from: Prisma.sql`"vital_signs" v JOIN (${visits.sql}) visit ON visit."id" = v."appointmentId"
        CROSS JOIN LATERAL (VALUES ${rows}) kind("position", "measured")`,
      where: [Prisma.sql`kind."measured"`],
      orderBy: [Prisma.sql`visit."appointmentDate"`, Prisma.sql`v."id"`, Prisma.sql`kind."position"`],
      after: after && [utcTimestamp(after[0]), Prisma.sql`${after[1]}::uuid`, Prisma.sql`${after[2]}::int`],
      take,
      row: Prisma.sql`jsonb_build_object('vitals', to_jsonb(v), 'visit', to_jsonb(visit), 'position', kind."position")`,
      read: (json) => {
        const { vitals, visit, position } = json as { vitals: unknown; visit: unknown; position: number };
        return { vitals: readVitalSigns(vitals), visit: visits.read(visit), position };
      },
    });
  }

  /** A set by its own id, whichever visit it belongs to. */
  async findVitalSignsById(id: string): Promise<VitalSignsRecord | null> {
    const row = await this.prisma.vitalSigns.findUnique({ where: { id } });
    return row ? toRecord(row) : null;
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
