import { ApiProperty } from '@nestjs/swagger';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES } from '../../common/audit-vocabulary.js';
import type { AuditEventRecord } from '../audit-event.js';

/** One event of the audit trail: ids, never names or health data. */
export class AuditEventDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  occurredAt!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The signed-in provider; null when nobody was (a failed sign-in)' })
  actorId!: string | null;

  @ApiProperty({ enum: AUDIT_ACTIONS, enumName: 'AuditAction', description: 'What the provider did' })
  action!: AuditEventRecord['action'];

  @ApiProperty({ enum: AUDIT_OUTCOMES, enumName: 'AuditOutcome', description: 'denied: the caller was refused; failed: the request could not be served (no such resource)' })
  outcome!: AuditEventRecord['outcome'];

  @ApiProperty({ example: 'patient', description: 'What was touched: patient, patient_search, audit_events …' })
  resourceType!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  resourceId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The patient whose chart this is about' })
  patientId!: string | null;

  @ApiProperty({ type: [String], format: 'uuid', description: 'A search: the ids of the patients it returned' })
  patientIds!: string[];

  @ApiProperty({ type: String, nullable: true })
  clientAddress!: string | null;

  @ApiProperty({ type: String, nullable: true })
  userAgent!: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The x-request-id of the request, as in the logs' })
  requestId!: string | null;
}

export function toAuditEventDto(event: AuditEventRecord): AuditEventDto {
  return {
    id: event.id,
    occurredAt: event.occurredAt.toISOString(),
    actorId: event.actorId,
    action: event.action,
    outcome: event.outcome,
    resourceType: event.resourceType,
    resourceId: event.resourceId,
    patientId: event.patientId,
    patientIds: event.patientIds,
    clientAddress: event.clientAddress,
    userAgent: event.userAgent,
    requestId: event.requestId,
  };
}
