import type { AppointmentStatus, AppointmentType } from '@clinic/db';

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

/** The order of appointment lists, and what their cursors hold. */
export type AppointmentKey = [appointmentDate: Date, id: string];

export interface AppointmentFilter {
  providerId?: string;
  patientId?: string;
  from?: Date;
  to?: Date;
  status?: AppointmentStatus;
  after?: AppointmentKey;
  take: number;
}

/** The provider named on a booking, as far as booking cares. */
export interface BookableProvider {
  id: string;
  role: 'admin' | 'clinician' | 'staff';
  isActive: boolean;
}
