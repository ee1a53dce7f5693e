import type { AppointmentStatus } from '@clinic/db';
import { DomainError, DomainErrorCode, FixedError } from '../common/domain-error.js';

export class VitalSignsNotFound extends FixedError(DomainErrorCode.NotFound, 'No vital signs recorded for this appointment') {}

export class VitalSignsEmpty extends FixedError(DomainErrorCode.InvalidInput, 'A set of vital signs needs at least one measurement') {}

export class ImplausibleBmi extends DomainError {
  readonly code = DomainErrorCode.InvalidInput;
  constructor(bmi: number, min: number, max: number) {
    super(`weight and height give a BMI of ${bmi}, outside ${min}–${max}: check the units (kg, cm)`);
  }
}

/** A visit that did not take place has no vital signs. */
export class VitalSignsForAbsentVisit extends DomainError {
  readonly code = DomainErrorCode.Conflict;
  constructor(status: AppointmentStatus) {
    super(`Cannot record vital signs for an appointment that is ${status.replace('_', ' ')}`);
  }
}

/** The visit's record is signed: its measurements are part of the signed note now. */
export class VisitSealed extends FixedError(DomainErrorCode.Conflict, "The visit's medical record is signed: its vital signs can no longer change (add an amendment to the record instead)") {}
