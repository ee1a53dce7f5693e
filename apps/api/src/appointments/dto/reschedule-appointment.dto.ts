import { ApiPropertyOptional } from '@nestjs/swagger';
import { OneOf, UnlessAbsent } from '../../common/fields/text.js';
import { APPOINTMENT_TYPES, type AppointmentRecord } from '../appointment-record.js';
import { Instant } from '../../common/fields/instant.js';
import { DurationMinutes, MAX_DURATION_MINUTES, MIN_DURATION_MINUTES } from './duration.js';

/** Time, length and type only; fields left out stay as they are. Status moves through the action routes. */
export class RescheduleAppointmentDto {
  @ApiPropertyOptional({ type: String, format: 'date-time', example: '2026-12-01T10:00:00Z', description: 'ISO 8601 date-time with an offset' })
  @UnlessAbsent()
  @Instant()
  appointmentDate?: string;

  @ApiPropertyOptional({ minimum: MIN_DURATION_MINUTES, maximum: MAX_DURATION_MINUTES })
  @UnlessAbsent()
  @DurationMinutes()
  durationMinutes?: number;

  @ApiPropertyOptional({ enum: APPOINTMENT_TYPES, enumName: 'AppointmentType', example: 'follow_up' })
  @UnlessAbsent()
  @OneOf(APPOINTMENT_TYPES)
  appointmentType?: AppointmentRecord['appointmentType'];
}
