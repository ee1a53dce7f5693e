import { Injectable } from '@nestjs/common';
import { StaleWrite } from '../common/domain-error.js';
import { assertFresh } from '../common/etag.js';
import { type Page, toPage } from '../common/pagination.js';
import { sentFields } from '../patients/chart-fields.js';
import { PatientsService } from '../patients/patients.service.js';
import type { AppointmentChanges, AppointmentRecord } from './appointment-record.js';
import { APPOINTMENT_ACTIONS, type AppointmentAction } from './appointment-transitions.js';
import {
  AppointmentNotFound,
  AppointmentNotReschedulable,
  AppointmentTransitionInvalid,
  PatientArchived,
  ProviderNotBookable,
  ProviderNotFound,
} from './appointments.errors.js';
import { AppointmentsRepository } from './appointments.repository.js';
import { instantKeyAfter, instantKeyOf } from './cursors.js';
import { type AppointmentDto, toAppointmentDto } from './dto/appointment.dto.js';
import type { BookAppointmentDto } from './dto/book-appointment.dto.js';
import type { ListAppointmentsQueryDto } from './dto/list-appointments-query.dto.js';
import type { RescheduleAppointmentDto } from './dto/reschedule-appointment.dto.js';
import { instant } from './instant.js';

function changesFrom(update: RescheduleAppointmentDto): AppointmentChanges {
  const { appointmentDate, ...rest } = sentFields(update);
  return { ...rest, ...(appointmentDate !== undefined && { appointmentDate: instant(appointmentDate) }) };
}

@Injectable()
export class AppointmentsService {
  constructor(
    private readonly patients: PatientsService,
    private readonly appointments: AppointmentsRepository,
  ) {}

  async listAppointments(query: ListAppointmentsQueryDto): Promise<Page<AppointmentDto>> {
    const rows = await this.appointments.listAppointments({
      providerId: query.providerId,
      patientId: query.patientId,
      from: query.from === undefined ? undefined : instant(query.from),
      to: query.to === undefined ? undefined : instant(query.to),
      status: query.status,
      after: instantKeyAfter(query.cursor),
      take: query.limit + 1,
    });
    return toPage(rows, query.limit, (row) => instantKeyOf(row.appointmentDate, row.id), toAppointmentDto);
  }

  async bookAppointment(booking: BookAppointmentDto): Promise<AppointmentDto> {
    const patient = await this.patients.findPatientOrFail(booking.patientId);
    if (patient.archivedAt !== null) throw new PatientArchived();
    const provider = await this.appointments.findProvider(booking.providerId);
    if (!provider) throw new ProviderNotFound();
    if (!provider.isActive) throw new ProviderNotBookable('inactive');
    if (provider.role === 'staff') throw new ProviderNotBookable('staff');
    const booked = await this.appointments.createAppointment({
      patientId: patient.id,
      providerId: provider.id,
      appointmentDate: instant(booking.appointmentDate),
      appointmentType: booking.appointmentType,
      durationMinutes: booking.durationMinutes ?? null,
      reasonForVisit: booking.reasonForVisit ?? null,
    });
    return toAppointmentDto(booked);
  }

  async getAppointment(id: string): Promise<AppointmentDto> {
    return toAppointmentDto(await this.findAppointmentOrFail(id));
  }

  async rescheduleAppointment(id: string, update: RescheduleAppointmentDto, ifMatch: string | undefined): Promise<AppointmentDto> {
    const current = await this.findAppointmentOrFail(id);
    assertFresh(ifMatch, toAppointmentDto(current));
    if (current.status !== 'scheduled') throw new AppointmentNotReschedulable(current.status);
    const changes = changesFrom(update);
    if (Object.keys(changes).length === 0) return toAppointmentDto(current);
    const updated = await this.appointments.rescheduleAppointment(current, changes);
    if (updated) return toAppointmentDto(updated);
    // Someone moved it in between: checked in (409) or edited it (412).
    const now = await this.findAppointmentOrFail(id);
    if (now.status !== 'scheduled') throw new AppointmentNotReschedulable(now.status);
    throw new StaleWrite();
  }

  /** check-in, start, complete, cancel, no-show: one conditional UPDATE each, so concurrent presses get one 200 and 409s. */
  async moveAppointment(id: string, action: AppointmentAction): Promise<AppointmentDto> {
    const move = APPOINTMENT_ACTIONS[action];
    const moved = await this.appointments.moveStatus(id, move.from, move.to);
    if (moved) return toAppointmentDto(moved);
    const current = await this.findAppointmentOrFail(id);
    throw new AppointmentTransitionInvalid(move.verb, current.status);
  }

  async findAppointmentOrFail(id: string): Promise<AppointmentRecord> {
    const appointment = await this.appointments.findAppointment(id);
    if (!appointment) throw new AppointmentNotFound();
    return appointment;
  }
}
