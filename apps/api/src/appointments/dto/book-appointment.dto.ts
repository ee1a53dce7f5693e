import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { OneOf, OptionalText } from '../../common/fields/text.js';
import { APPOINTMENT_TYPES, type AppointmentRecord, DEFAULT_DURATION_MINUTES } from '../appointment-record.js';
import { Instant } from '../../common/fields/instant.js';
import { DurationMinutes, MAX_DURATION_MINUTES, MIN_DURATION_MINUTES } from './duration.js';

export class BookAppointmentDto {
  @ApiProperty({ format: 'uuid', description: 'An existing patient who is not archived (404 when absent, 409 when archived)' })
  @IsUUID('all', { message: 'patientId must be a UUID' })
  patientId!: string;

  @ApiProperty({ format: 'uuid', description: 'An active clinician or admin (404 when absent; 400 when deactivated or staff)' })
  @IsUUID('all', { message: 'providerId must be a UUID' })
  providerId!: string;

  @ApiProperty({ type: String, format: 'date-time', example: '2026-12-01T09:30:00Z', description: 'ISO 8601 date-time with an offset (Z or ±hh:mm)' })
  @Instant()
  appointmentDate!: string;

  @ApiProperty({ enum: APPOINTMENT_TYPES, enumName: 'AppointmentType', example: 'follow_up' })
  @OneOf(APPOINTMENT_TYPES)
  appointmentType!: AppointmentRecord['appointmentType'];

  @ApiPropertyOptional({ minimum: MIN_DURATION_MINUTES, maximum: MAX_DURATION_MINUTES, default: DEFAULT_DURATION_MINUTES })
  @IsOptional()
  @DurationMinutes()
  durationMinutes?: number;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: 255, example: 'Blood pressure follow-up' })
  @OptionalText()
  reasonForVisit?: string | null;
}
