import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.js';
import { AUDIT_ACTIONS, type AuditEntry } from '../audit-event.js';

/** Every filter given must match; the trail comes newest first. */
export class AuditEventsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Events of this provider' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Events about this patient, and searches that returned them' })
  @IsOptional()
  @IsUUID()
  patientId?: string;

  @ApiPropertyOptional({ enum: AUDIT_ACTIONS, enumName: 'AuditAction' })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS)
  action?: AuditEntry['action'];

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Events at or after this instant' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  from?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', description: 'Events before this instant' })
  @IsOptional()
  @IsISO8601({ strict: true, strictSeparator: true })
  to?: string;
}

/** The trail of one patient: the patient is in the path. */
export class PatientAuditEventsQueryDto extends OmitType(AuditEventsQueryDto, ['patientId'] as const) {}
