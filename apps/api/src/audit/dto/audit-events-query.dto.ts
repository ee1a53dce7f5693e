import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { AUDIT_ACTIONS } from '../../common/audit-vocabulary.js';
import { Instant } from '../../common/fields/instant.js';
import { PageQueryDto } from '../../common/pagination.js';
import type { AuditEntry } from '../audit-event.js';

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

  @ApiPropertyOptional({ type: String, format: 'date-time', example: '2026-12-01T00:00:00Z', description: 'Events at or after this instant (ISO 8601 with an offset)' })
  @IsOptional()
  @Instant()
  from?: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', example: '2026-12-02T00:00:00Z', description: 'Events before this instant (ISO 8601 with an offset)' })
  @IsOptional()
  @Instant()
  to?: string;
}

/** The trail of one patient: the patient is in the path. */
export class PatientAuditEventsQueryDto extends OmitType(AuditEventsQueryDto, ['patientId'] as const) {}
