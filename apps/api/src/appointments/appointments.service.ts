import { IdempotentCreations, type CreationClaim } from '../common/idempotency/idempotent-creations.js';
import type { IdempotentRequest } from '../common/idempotency/idempotent-request.decorator.js';
import { Injectable } from '@nestjs/common';
import type { Prisma } from '@clinic/db';
import type { IdsPart, ListingParts, ReadPart, RelationPart } from '../common/read-parts.js';
import { AuditTrail } from '../audit/audit-trail.js';
import type { AuditEntry } from '../audit/audit-event.js';
import { StaleWrite } from '../common/domain-error.js';
import { assertFresh } from '../common/etag.js';
import { type Page, toPage } from '../common/pagination.js';
import { sentFields } from '../common/fields/text.js';
import { PatientsService } from '../patients/patients.service.js';
import type { AppointmentChanges, AppointmentRecord, VisitHeader, VisitWindow } from './appointment-record.js';
import { APPOINTMENT_ACTIONS, type AppointmentAction } from './appointment-transitions.js';
import { AppointmentNotFound, AppointmentNotReschedulable, AppointmentTransitionInvalid, PatientArchived, ProviderNotBookable } from './appointments.errors.js';
import { AppointmentsRepository } from './appointments.repository.js';
import { type InstantKey, instantKeyOf, instantWindowPage } from '../common/cursors.js';
import { ProviderNotFound } from '../identity/identity.errors.js';
import { ProviderAccountsRepository } from '../identity/provider-accounts.repository.js';
import { PatientNotFound } from '../patients/patients.errors.js';
import { type AppointmentDto, toAppointmentDto } from './dto/appointment.dto.js';
import type { BookAppointmentDto } from './dto/book-appointment.dto.js';
import type { ListAppointmentsQueryDto } from './dto/list-appointments-query.dto.js';
import type { RescheduleAppointmentDto } from './dto/reschedule-appointment.dto.js';
import { instant } from '../common/fields/instant.js';

function changesFrom(update: RescheduleAppointmentDto): AppointmentChanges {
  const { appointmentDate, ...rest } = sentFields(update);
  return { ...rest, ...(appointmentDate !== undefined && { appointmentDate: instant(appointmentDate) }) };
}

@Injectable()
export class AppointmentsService {
  constructor(
    private readonly patients: PatientsService,
    private readonly providers: ProviderAccountsRepository,
    private readonly appointments: AppointmentsRepository,
    private readonly audit: AuditTrail,
    private readonly idempotent: IdempotentCreations,
  ) {}

  async listAppointments(query: ListAppointmentsQueryDto): Promise<Page<AppointmentDto>> {
    const rows = await this.appointments.listAppointments({
      providerId: query.providerId,
      patientId: query.patientId,
      status: query.status,
      ...instantWindowPage(query),
    });
    const page = toPage(rows, query.limit, (row) => instantKeyOf(row.appointmentDate, row.id), toAppointmentDto);
    // One event per list, naming every patient on the page once; never the filters.
    const patientIds = [...new Set(page.data.map((appointment) => appointment.patientId))];
    await this.audit.record({ action: 'search', resourceType: 'appointment', patientIds });
    return page;
  }

  /**
   * A booking for a patient or provider that does not exist is a failed `create`, recorded under
   * the patient named (so the trail shows who tries ids) before its 404.
   */
  bookAppointment(booking: BookAppointmentDto, idempotent?: IdempotentRequest): Promise<AppointmentDto> {
    // A retry with the key answers with the first booking, whatever changed since (the patient
    // archived, the provider deactivated): the booking was made.
    return this.idempotent.create(idempotent, {
      create: (claim) => this.book(booking, claim),
      replay: (id) => this.getAppointment(id),
    });
  }

  private async book(booking: BookAppointmentDto, claim?: CreationClaim): Promise<AppointmentDto> {
    const recordFailure = () => this.audit.record({ action: 'create', resourceType: 'appointment', patientId: booking.patientId, outcome: 'failed' });
    const patient = await this.patients.findPatientOrFail(booking.patientId).catch(async (error: unknown) => {
      if (error instanceof PatientNotFound) await recordFailure();
      throw error;
    });
    if (patient.archivedAt !== null) throw new PatientArchived();
    const provider = await this.providers.findProfile(booking.providerId);
    if (!provider) {
      await recordFailure();
      throw new ProviderNotFound();
    }
    if (!provider.isActive) throw new ProviderNotBookable('inactive');
    if (provider.role === 'staff') throw new ProviderNotBookable('staff');
    const booked = await this.appointments.createAppointment({
      patientId: patient.id,
      providerId: provider.id,
      appointmentDate: instant(booking.appointmentDate),
      appointmentType: booking.appointmentType,
      durationMinutes: booking.durationMinutes ?? null,
      reasonForVisit: booking.reasonForVisit ?? null,
    }, claim);
    return toAppointmentDto(booked);
  }

  async getAppointment(id: string): Promise<AppointmentDto> {
    const appointment = await this.findAuditedAppointmentOrFail(id, 'read');
    await this.recordRead(appointment);
    return toAppointmentDto(appointment);
  }

  async rescheduleAppointment(id: string, update: RescheduleAppointmentDto, ifMatch: string | undefined): Promise<AppointmentDto> {
    const current = await this.findAuditedAppointmentOrFail(id, 'update');
    // A stale If-Match (412) or a visit no longer scheduled (409) records nothing: nothing was shown or changed.
    assertFresh(ifMatch, toAppointmentDto(current));
    if (current.status !== 'scheduled') throw new AppointmentNotReschedulable(current.status);
    const changes = changesFrom(update);
    if (Object.keys(changes).length === 0) {
      // Nothing changes, but the caller is shown the appointment: that is a read.
      await this.recordRead(current);
      return toAppointmentDto(current);
    }
    // The repository records the update in the transaction that makes it, and nothing if it loses a race.
    const updated = await this.appointments.rescheduleAppointment(current, changes);
    if (updated) return toAppointmentDto(updated);
    // Someone moved it in between: checked in (409) or edited it (412).
    const now = await this.findAuditedAppointmentOrFail(id, 'update');
    if (now.status !== 'scheduled') throw new AppointmentNotReschedulable(now.status);
    throw new StaleWrite();
  }

  /** check-in, start, complete, cancel, no-show: one conditional UPDATE each, so concurrent presses get one 200 and 409s. */
  async moveAppointment(id: string, action: AppointmentAction): Promise<AppointmentDto> {
    const move = APPOINTMENT_ACTIONS[action];
    // Recorded as an `update` by the repository, in the move's own transaction (the trail has no status verb).
    const moved = await this.appointments.moveStatus(id, move.from, move.to);
    if (moved) return toAppointmentDto(moved);
    // No such appointment: a failed update. In another status: a 409 that records nothing.
    const current = await this.findAuditedAppointmentOrFail(id, 'update');
    throw new AppointmentTransitionInvalid(move.verb, current.status);
  }

  /** Unaudited: for callers that record their own events (the visit's record, the trail's lookups). */
  findAppointment(id: string): Promise<AppointmentRecord | null> {
    return this.appointments.findAppointment(id);
  }

  /** A patient's latest appointments, as a part of a read composed elsewhere (the chart). */
  latestOfPatientPart(patientId: Prisma.Sql, count: number): ReadPart<AppointmentRecord[]> {
    return this.appointments.latestOfPatientPart(patientId, count);
  }

  /** The ids of a patient's appointments (the latest `count`, when given), for another part's filter. */
  idsOfPatientPart(patientId: Prisma.Sql, count?: number): IdsPart {
    return this.appointments.idsOfPatientPart(patientId, count);
  }

  /** Every appointment of a patient, oldest first, as a part of a read composed elsewhere (FHIR's $everything). */
  ofPatientPart(patientId: Prisma.Sql): ReadPart<AppointmentRecord[]> {
    return this.appointments.ofPatientPart(patientId);
  }

  /** A patient's appointments within the window, one page and how many in all, as parts of a read composed elsewhere (FHIR's Encounter search). */
  ofPatientListingParts(patientId: Prisma.Sql, window: VisitWindow, after: InstantKey | undefined, take: number): ListingParts<AppointmentRecord> {
    return this.appointments.ofPatientListingParts(patientId, window, after, take);
  }

  /** A patient's visits within the window, for another feature's part to join and order by their start. */
  visitsOfPatientRelation(patientId: Prisma.Sql, window: VisitWindow): RelationPart<VisitHeader> {
    return this.appointments.visitsOfPatientRelation(patientId, window);
  }

  /** The providers of a patient's appointments, for another part's filter. */
  providerIdsOfPatientPart(patientId: Prisma.Sql): IdsPart {
    return this.appointments.providerIdsOfPatientPart(patientId);
  }

  /** The ids of a patient's appointments, for the tables that hang off a visit. */
  appointmentIdsOf(patientId: string): Promise<string[]> {
    return this.appointments.appointmentIdsOf(patientId);
  }

  /**
   * For routes with an appointment id in the path: an id that is no appointment's is recorded as a
   * failed attempt at `action` on that appointment (outcome failed; denied is kept for refusals of
   * the caller), so the trail shows who tries ids. No patientId: the id names no patient.
   */
  async findAuditedAppointmentOrFail(id: string, action: AuditEntry['action']): Promise<AppointmentRecord> {
    const appointment = await this.appointments.findAppointment(id);
    if (!appointment) {
      await this.audit.record({ action, resourceType: 'appointment', resourceId: id, outcome: 'failed' });
      throw new AppointmentNotFound();
    }
    return appointment;
  }

  private recordRead(appointment: AppointmentRecord): Promise<void> {
    return this.audit.record({ action: 'read', resourceType: 'appointment', resourceId: appointment.id, patientId: appointment.patientId });
  }
}
