import type { Encounter } from '@medplum/fhirtypes';
import { EXTENSION, localSystem, SYSTEM } from '../code-systems.js';
import type { FhirContext } from '../context.js';
import { addMinutes, fhirInstant } from '../dates.js';
import type { AppointmentSource, AppointmentStatusName, AppointmentTypeName } from '../sources.js';
import { presentText } from '../text.js';
import { referenceTo } from './references.js';

/** The column's default length, used when an appointment has none recorded. */
export const DEFAULT_DURATION_MINUTES = 30;

/** Our appointment state machine onto Encounter.status (R4 has no "no-show": see the extension). */
export const ENCOUNTER_STATUS: Record<AppointmentStatusName, NonNullable<Encounter['status']>> = {
  scheduled: 'planned',
  checked_in: 'arrived',
  in_progress: 'in-progress',
  completed: 'finished',
  cancelled: 'cancelled',
  no_show: 'cancelled',
};

const APPOINTMENT_TYPE_DISPLAY: Record<AppointmentTypeName, string> = {
  new_patient: 'New patient',
  follow_up: 'Follow-up',
  routine_checkup: 'Routine check-up',
  sick_visit: 'Sick visit',
  telehealth: 'Telehealth',
};

/**
 * Why a no-show's Encounter is cancelled, in R4's encounter-reasonCancelled extension. The code
 * is FHIR's own "noshow" (of Appointment.status), which says exactly what happened.
 */
const noShowReason = (): NonNullable<Encounter['extension']>[number] => ({
  url: EXTENSION.encounterReasonCancelled,
  valueCodeableConcept: {
    coding: [{ system: SYSTEM.appointmentStatus, code: 'noshow', display: 'No Show' }],
    text: 'The patient did not attend',
  },
});

/** An appointment as an ambulatory Encounter: its period is the booked time and length. */
export function toFhirEncounter(appointment: AppointmentSource, context: FhirContext): Encounter {
  const start = appointment.appointmentDate;
  const end = addMinutes(start, appointment.durationMinutes ?? DEFAULT_DURATION_MINUTES);
  const reason = presentText(appointment.reasonForVisit);
  return {
    resourceType: 'Encounter',
    id: appointment.id,
    meta: { lastUpdated: fhirInstant(appointment.updatedAt) },
    ...(appointment.status === 'no_show' && { extension: [noShowReason()] }),
    status: ENCOUNTER_STATUS[appointment.status],
    class: { system: SYSTEM.actCode, code: 'AMB', display: 'ambulatory' },
    type: [
      {
        coding: [
          {
            system: localSystem.appointmentType(context),
            code: appointment.appointmentType,
            display: APPOINTMENT_TYPE_DISPLAY[appointment.appointmentType],
          },
        ],
        text: APPOINTMENT_TYPE_DISPLAY[appointment.appointmentType],
      },
    ],
    subject: referenceTo('Patient', appointment.patientId),
    participant: [
      {
        type: [{ coding: [{ system: SYSTEM.participationType, code: 'PPRF', display: 'primary performer' }] }],
        individual: referenceTo('Practitioner', appointment.providerId),
      },
    ],
    period: { start: fhirInstant(start), end: fhirInstant(end) },
    ...(reason && { reasonCode: [{ text: reason }] }),
  };
}
