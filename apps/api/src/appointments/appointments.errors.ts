import type { AppointmentStatus } from '@clinic/db';
import { DomainError, DomainErrorCode, FixedError } from '../common/domain-error.js';

export class AppointmentNotFound extends FixedError(DomainErrorCode.NotFound, 'Appointment not found') {}

/** Appointments are with someone who sees patients: an active clinician or admin, not staff. */
export class ProviderNotBookable extends DomainError {
  readonly code = DomainErrorCode.InvalidInput;
  constructor(reason: 'inactive' | 'staff') {
    super(reason === 'inactive' ? 'providerId names a deactivated provider' : 'providerId names a staff member, who does not see patients');
  }
}

export class PatientArchived extends FixedError(DomainErrorCode.Conflict, 'The patient is archived: no new appointments can be booked for them') {}

export class AppointmentOverlap extends FixedError(DomainErrorCode.Conflict, 'The provider already has an active appointment that overlaps this time') {}

export class AppointmentTransitionInvalid extends DomainError {
  readonly code = DomainErrorCode.Conflict;
  constructor(verb: string, status: AppointmentStatus) {
    super(`Cannot ${verb} an appointment that is ${status.replace('_', ' ')}`);
  }
}

export class AppointmentNotReschedulable extends DomainError {
  readonly code = DomainErrorCode.Conflict;
  constructor(status: AppointmentStatus) {
    super(`Only a scheduled appointment can be changed; this one is ${status.replace('_', ' ')}`);
  }
}
