import { Injectable } from '@nestjs/common';
import { type Page, toPage } from '../common/pagination.js';
import { AuditTrail } from './audit-trail.js';
import { AuditRepository } from './audit.repository.js';
import { auditKeyBefore, auditKeyOf } from './cursors.js';
import { type AuditEventDto, toAuditEventDto } from './dto/audit-event.dto.js';
import type { AuditEventsQueryDto } from './dto/audit-events-query.dto.js';

const instant = (text: string | undefined) => (text === undefined ? undefined : new Date(text));

/** Reading the trail, which is itself an access the trail records. */
@Injectable()
export class AuditService {
  constructor(
    private readonly events: AuditRepository,
    private readonly trail: AuditTrail,
  ) {}

  async listEvents(query: AuditEventsQueryDto): Promise<Page<AuditEventDto>> {
    const rows = await this.events.findEvents({
      actorId: query.actorId,
      patientId: query.patientId,
      action: query.action,
      from: instant(query.from),
      to: instant(query.to),
      before: auditKeyBefore(query.cursor),
      take: query.limit + 1,
    });
    await this.trail.record({ action: 'read', resourceType: 'audit_events', patientId: query.patientId ?? null });
    return toPage(rows, query.limit, auditKeyOf, toAuditEventDto);
  }
}
