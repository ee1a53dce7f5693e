import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.js';
import { OneOf } from '../../common/fields/text.js';
import { APPOINTMENT_STATUSES, type AppointmentRecord } from '../appointment-record.js';
import { Instant } from '../../common/fields/instant.js';

/** Every filter given must match; ordered by appointmentDate, then id. */
export class ListAppointmentsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'providerId must be a UUID' })
  providerId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'patientId must be a UUID' })
  patientId?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Appointments starting at or after this instant (ISO 8601 with an offset)' })
  @IsOptional()
  @Instant()
  from?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Appointments starting before this instant (exclusive)' })
  @IsOptional()
  @Instant()
  to?: string;

  @ApiPropertyOptional({ enum: APPOINTMENT_STATUSES, enumName: 'AppointmentStatus' })
  @IsOptional()
  @OneOf(APPOINTMENT_STATUSES)
  status?: AppointmentRecord['status'];
}
