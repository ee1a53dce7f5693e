import type { AppointmentStatus } from '@clinic/db';
import { DomainError, DomainErrorCode } from '../../common/domain-error.js';

export class VitalSignsNotFound extends DomainError {
  readonly code = DomainErrorCode.NotFound;
  constructor() {
    super('No vital signs recorded for this appointment');
  }
}

export class VitalSignsEmpty extends DomainError {
  readonly code = DomainErrorCode.InvalidInput;
  constructor() {
    super('A set of vital signs needs at least one measurement');
  }
}

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
