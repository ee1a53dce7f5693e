import type { CreationClaim } from '../common/idempotency/idempotent-creations.js';
import { Injectable } from '@nestjs/common';
import { type AppointmentStatus, Prisma, PrismaService, ReadReplicas } from '@clinic/db';
import { AuditTrail } from '../audit/audit-trail.js';
import { translateRefusals } from '../common/database-errors.js';
import type { InstantKey } from '../common/cursors.js';
import { type IdsPart, type ListingParts, listingParts, type ReadPart, type RelationPart, rowFromJson, rowsFromJson, utcTimestamp } from '../common/read-parts.js';
import type { AppointmentChanges, AppointmentFilter, AppointmentRecord, NewAppointment, VisitHeader, VisitWindow } from './appointment-record.js';

const INSTANTS = { instants: ['appointmentDate', 'createdAt', 'updatedAt'] };

/** A patient's appointments within the window, as conditions over `appointments a`. */
function ofPatientWithin(patientId: Prisma.Sql, window: VisitWindow): Prisma.Sql[] {
  return [
    Prisma.sql`a."patientId" = ${patientId}`,
    ...(window.from ? [Prisma.sql`a."appointmentDate" >= ${utcTimestamp(window.from)}`] : []),
    ...(window.before ? [Prisma.sql`a."appointmentDate" < ${utcTimestamp(window.before)}`] : []),
  ];
}
import { AppointmentOverlap } from './appointments.errors.js';

/** The database's overlap constraint (migration 20261125231500) refused the write: a 409 naming the conflict. */
function refusingOverlaps<T>(write: () => Promise<T>): Promise<T> {
  return translateRefusals(write, { exclusion: () => new AppointmentOverlap() });
}

/** The appointments table's one owner. */
@Injectable()
export class AppointmentsRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditTrail,
    private readonly replicas: ReadReplicas,
  ) {}

  findAppointment(id: string): Promise<AppointmentRecord | null> {
    return this.prisma.appointment.findUnique({ where: { id } });
  }

  /** A patient's latest appointments, newest first, as a part of a read composed elsewhere. */
  latestOfPatientPart(patientId: Prisma.Sql, count: number): ReadPart<AppointmentRecord[]> {
    return {
      sql: Prisma.sql`(SELECT coalesce(jsonb_agg(to_jsonb(a) ORDER BY a."appointmentDate" DESC, a."id" DESC), '[]'::jsonb)
        FROM (SELECT * FROM "appointments" WHERE "patientId" = ${patientId} ORDER BY "appointmentDate" DESC, "id" DESC LIMIT ${count}) a)`,
      read: (json) => rowsFromJson<AppointmentRecord>(json, INSTANTS),
    };
  }

  /** Every appointment of a patient, in (appointmentDate, id) order, as a part of a read composed elsewhere. */
  ofPatientPart(patientId: Prisma.Sql): ReadPart<AppointmentRecord[]> {
    return {
      sql: Prisma.sql`(SELECT coalesce(jsonb_agg(to_jsonb(a) ORDER BY a."appointmentDate", a."id"), '[]'::jsonb) FROM "appointments" a WHERE a."patientId" = ${patientId})`,
      read: (json) => rowsFromJson<AppointmentRecord>(json, INSTANTS),
    };
  }

  /** A patient's appointments within the window, one page in (appointmentDate, id) order and how many in all, as parts of a read composed elsewhere. */
  ofPatientListingParts(patientId: Prisma.Sql, window: VisitWindow, after: InstantKey | undefined, take: number): ListingParts<AppointmentRecord> {
    return listingParts({
      from: Prisma.sql`"appointments" a`,
      where: ofPatientWithin(patientId, window),
      orderBy: [Prisma.sql`a."appointmentDate"`, Prisma.sql`a."id"`],
      after: after && [utcTimestamp(after[0]), Prisma.sql`${after[1]}::uuid`],
      take,
      row: Prisma.sql`to_jsonb(a)`,
      read: (json) => rowFromJson<AppointmentRecord>(json, INSTANTS),
    });
  }

  /** A patient's visits within the window, for another owner's part to join (by "id") and order by their start. */
  visitsOfPatientRelation(patientId: Prisma.Sql, window: VisitWindow): RelationPart<VisitHeader> {
    return {
      sql: Prisma.sql`SELECT a."id", a."patientId", a."providerId", a."appointmentDate" FROM "appointments" a WHERE ${Prisma.join(ofPatientWithin(patientId, window), ' AND ')}`,
      read: (json) => rowFromJson<VisitHeader>(json, { instants: ['appointmentDate'] }),
    };
  }

  /** The providers of a patient's appointments, for another part's filter. */
  providerIdsOfPatientPart(patientId: Prisma.Sql): IdsPart {
    return Prisma.sql`SELECT "providerId" FROM "appointments" WHERE "patientId" = ${patientId}`;
  }

  /** The ids of a patient's appointments (the latest `count` of them, when given), for another part's filter. */
  idsOfPatientPart(patientId: Prisma.Sql, count?: number): IdsPart {
    return count === undefined
      ? Prisma.sql`SELECT "id" FROM "appointments" WHERE "patientId" = ${patientId}`
      : Prisma.sql`SELECT "id" FROM "appointments" WHERE "patientId" = ${patientId} ORDER BY "appointmentDate" DESC, "id" DESC LIMIT ${count}`;
  }

  /** The ids of a patient's appointments, for the tables that hang off a visit (vital signs). */
  async appointmentIdsOf(patientId: string): Promise<string[]> {
    const rows = await this.prisma.appointment.findMany({ where: { patientId }, select: { id: true } });
    return rows.map((row) => row.id);
  }

  // Every change below commits with its audit event, in one transaction, or not at all; a write
  // that turns out not to happen (a lost race, an overlap) records nothing.

  /** With a claim, the request's Idempotency-Key is written first, in the same transaction (common/idempotency). */
  createAppointment(appointment: NewAppointment, claim?: CreationClaim): Promise<AppointmentRecord> {
    return refusingOverlaps(() =>
      this.prisma.$transaction(async (tx) => {
        await claim?.claimWithin(tx);
        const created = await tx.appointment.create({ data: { ...appointment, ...(claim && { id: claim.id }) } });
        await this.audit.recordWithin(tx, { action: 'create', resourceType: 'appointment', resourceId: created.id, patientId: created.patientId });
          return created;
      }),
    );
  }

  /**
   * Applies the changes only while the appointment is still scheduled and still the version the
   * caller read (same updatedAt): one UPDATE, so a concurrent check-in or edit cannot slip in
   * between. null when that condition no longer holds, and then nothing is recorded.
   */
  rescheduleAppointment(current: AppointmentRecord, changes: AppointmentChanges): Promise<AppointmentRecord | null> {
    return refusingOverlaps(() =>
      this.prisma.$transaction(async (tx) => {
        const [updated] = await tx.appointment.updateManyAndReturn({
          where: { id: current.id, status: 'scheduled', updatedAt: current.updatedAt },
          data: changes,
        });
        if (!updated) return null;
        await this.audit.recordWithin(tx, { action: 'update', resourceType: 'appointment', resourceId: updated.id, patientId: updated.patientId });
        return updated;
      }),
    );
  }

  /**
   * Moves the status in one conditional UPDATE (… WHERE id = $1 AND status = ANY($2)): of two
   * clients pressing the same button at once, exactly one finds the appointment still in a
   * source status. null when it was not (absent, or in another status), and then nothing is
   * recorded.
   *
   * A move is recorded as an `update`: the trail's actions (AuditAction) have no verb for a status
   * change (check-in, start, complete, cancel, no-show), and a move is an update of the appointment.
   */
  moveStatus(id: string, from: readonly AppointmentStatus[], to: AppointmentStatus): Promise<AppointmentRecord | null> {
    return refusingOverlaps(() =>
      this.prisma.$transaction(async (tx) => {
        const [moved] = await tx.appointment.updateManyAndReturn({ where: { id, status: { in: [...from] } }, data: { status: to } });
        if (!moved) return null;
        await this.audit.recordWithin(tx, { action: 'update', resourceType: 'appointment', resourceId: moved.id, patientId: moved.patientId });
        return moved;
      }),
    );
  }

  /**
   * One page in (appointmentDate, id) order, plus one row that only says whether another page
   * follows. On a replica when one is within its lag: a list decides no write.
   */
  listAppointments(filter: AppointmentFilter): Promise<AppointmentRecord[]> {
    const date: Prisma.DateTimeFilter = {};
    if (filter.from) date.gte = filter.from;
    if (filter.to) date.lt = filter.to;
    const after: Prisma.AppointmentWhereInput = filter.after
      ? { OR: [{ appointmentDate: { gt: filter.after[0] } }, { appointmentDate: filter.after[0], id: { gt: filter.after[1] } }] }
      : {};
    return this.replicas.read((db) =>
      db.appointment.findMany({
      where: {
        ...(filter.providerId && { providerId: filter.providerId }),
        ...(filter.patientId && { patientId: filter.patientId }),
        ...(filter.status && { status: filter.status }),
        ...(Object.keys(date).length > 0 && { appointmentDate: date }),
        ...after,
      },
      orderBy: [{ appointmentDate: 'asc' }, { id: 'asc' }],
      take: filter.take,
    }),
    );
  }
}
