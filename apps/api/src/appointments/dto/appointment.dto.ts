import { ApiProperty } from '@nestjs/swagger';
import { APPOINTMENT_STATUSES, APPOINTMENT_TYPES, type AppointmentRecord, DEFAULT_DURATION_MINUTES } from '../appointment-record.js';

/** An appointment as every response shows it; built field by field. */
export class AppointmentDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  patientId!: string;

  @ApiProperty({ format: 'uuid' })
  providerId!: string;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-12-01T09:30:00.000Z', description: 'When the visit starts (UTC)' })
  appointmentDate!: string;

  @ApiProperty({ enum: APPOINTMENT_TYPES, enumName: 'AppointmentType', example: 'follow_up' })
  appointmentType!: AppointmentRecord['appointmentType'];

  @ApiProperty({ type: String, nullable: true, example: 'Blood pressure follow-up' })
  reasonForVisit!: string | null;

  @ApiProperty({ example: 30, description: `Minutes the provider is booked for (${DEFAULT_DURATION_MINUTES} when none was recorded)` })
  durationMinutes!: number;

  @ApiProperty({ enum: APPOINTMENT_STATUSES, enumName: 'AppointmentStatus', example: 'scheduled' })
  status!: AppointmentRecord['status'];

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: string;
}

export function toAppointmentDto(appointment: AppointmentRecord): AppointmentDto {
  return {
    id: appointment.id,
    patientId: appointment.patientId,
    providerId: appointment.providerId,
    appointmentDate: appointment.appointmentDate.toISOString(),
    appointmentType: appointment.appointmentType,
    reasonForVisit: appointment.reasonForVisit,
    durationMinutes: appointment.durationMinutes ?? DEFAULT_DURATION_MINUTES,
    status: appointment.status,
    createdAt: appointment.createdAt.toISOString(),
    updatedAt: appointment.updatedAt.toISOString(),
  };
}
