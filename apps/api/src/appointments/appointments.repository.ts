import { Injectable } from '@nestjs/common';
import { type AppointmentStatus, Prisma, PrismaService } from '@clinic/db';
import type { AppointmentChanges, AppointmentFilter, AppointmentRecord, BookableProvider, NewAppointment } from './appointment-record.js';
import { AppointmentOverlap } from './appointments.errors.js';
import { EXCLUSION_VIOLATION, sqlStateOf } from './database-errors.js';

/** The database's overlap constraint (migration 20261125231500) refused the write: a 409 naming the conflict. */
async function refusingOverlaps<T>(write: Promise<T>): Promise<T> {
  try {
    return await write;
  } catch (error) {
    if (sqlStateOf(error) === EXCLUSION_VIOLATION) throw new AppointmentOverlap();
    throw error;
  }
}

@Injectable()
export class AppointmentsRepository {
  constructor(private readonly prisma: PrismaService) {}

  findAppointment(id: string): Promise<AppointmentRecord | null> {
    return this.prisma.appointment.findUnique({ where: { id } });
  }

  findProvider(id: string): Promise<BookableProvider | null> {
    return this.prisma.provider.findUnique({ where: { id }, select: { id: true, role: true, isActive: true } });
  }

  createAppointment(appointment: NewAppointment): Promise<AppointmentRecord> {
    return refusingOverlaps(this.prisma.appointment.create({ data: appointment }));
  }

  /**
   * Applies the changes only while the appointment is still scheduled and still the version the
   * caller read (same updatedAt): one UPDATE, so a concurrent check-in or edit cannot slip in
   * between. null when that condition no longer holds.
   */
  async rescheduleAppointment(current: AppointmentRecord, changes: AppointmentChanges): Promise<AppointmentRecord | null> {
    const [updated] = await refusingOverlaps(
      this.prisma.appointment.updateManyAndReturn({
        where: { id: current.id, status: 'scheduled', updatedAt: current.updatedAt },
        data: changes,
      }),
    );
    return updated ?? null;
  }

  /**
   * Moves the status in one conditional UPDATE (… WHERE id = $1 AND status = ANY($2)): of two
   * clients pressing the same button at once, exactly one finds the appointment still in a
   * source status. null when it was not (absent, or in another status).
   */
  async moveStatus(id: string, from: readonly AppointmentStatus[], to: AppointmentStatus): Promise<AppointmentRecord | null> {
    const [moved] = await refusingOverlaps(
      this.prisma.appointment.updateManyAndReturn({ where: { id, status: { in: [...from] } }, data: { status: to } }),
    );
    return moved ?? null;
  }

  /** One page in (appointmentDate, id) order, plus one row that only says whether another page follows. */
  listAppointments(filter: AppointmentFilter): Promise<AppointmentRecord[]> {
    const date: Prisma.DateTimeFilter = {};
    if (filter.from) date.gte = filter.from;
    if (filter.to) date.lt = filter.to;
    const after: Prisma.AppointmentWhereInput = filter.after
      ? { OR: [{ appointmentDate: { gt: filter.after[0] } }, { appointmentDate: filter.after[0], id: { gt: filter.after[1] } }] }
      : {};
    return this.prisma.appointment.findMany({
      where: {
        ...(filter.providerId && { providerId: filter.providerId }),
        ...(filter.patientId && { patientId: filter.patientId }),
        ...(filter.status && { status: filter.status }),
        ...(Object.keys(date).length > 0 && { appointmentDate: date }),
        ...after,
      },
      orderBy: [{ appointmentDate: 'asc' }, { id: 'asc' }],
      take: filter.take,
    });
  }
}
