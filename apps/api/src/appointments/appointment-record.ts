import type { AppointmentStatus, AppointmentType } from '@clinic/db';
import type { InstantWindowPage } from '../common/cursors.js';

export const APPOINTMENT_TYPES = ['new_patient', 'follow_up', 'routine_checkup', 'sick_visit', 'telehealth'] as const satisfies readonly AppointmentType[];
export const APPOINTMENT_STATUSES = ['scheduled', 'checked_in', 'in_progress', 'completed', 'cancelled', 'no_show'] as const satisfies readonly AppointmentStatus[];

/** The length the database assumes when an appointment has none recorded (the column's default). */
export const DEFAULT_DURATION_MINUTES = 30;

export interface AppointmentRecord {
  id: string;
  patientId: string;
  providerId: string;
  appointmentDate: Date;
  appointmentType: AppointmentType;
  reasonForVisit: string | null;
  durationMinutes: number | null;
  status: AppointmentStatus;
  createdAt: Date;
  updatedAt: Date;
}

export type NewAppointment = Pick<AppointmentRecord, 'patientId' | 'providerId' | 'appointmentDate' | 'appointmentType' | 'reasonForVisit' | 'durationMinutes'>;

/** What a reschedule may change: time, length and type, nothing else. */
export type AppointmentChanges = Partial<Pick<AppointmentRecord, 'appointmentDate' | 'durationMinutes' | 'appointmentType'>>;


/** Appointments starting from `from` (inclusive) to `before` (exclusive); either end may be open. */
export interface VisitWindow {
  from?: Date;
  before?: Date;
}

/** What another feature's part may join of a visit: the appointment's id, patient, provider and start. */
export type VisitHeader = Pick<AppointmentRecord, 'id' | 'patientId' | 'providerId' | 'appointmentDate'>;

export interface AppointmentFilter extends InstantWindowPage {
  providerId?: string;
  patientId?: string;
  status?: AppointmentStatus;
}
