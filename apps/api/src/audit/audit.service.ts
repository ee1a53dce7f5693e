import { Injectable } from '@nestjs/common';
import { type Page, toPage } from '../common/pagination.js';
import { AuditTrail } from './audit-trail.js';
import { AuditRepository } from './audit.repository.js';
import { instantKeyOf, instantWindowPage } from '../common/cursors.js';
import { type AuditEventDto, toAuditEventDto } from './dto/audit-event.dto.js';
import type { AuditEventsQueryDto } from './dto/audit-events-query.dto.js';


/** Reading the trail, which is itself an access the trail records. */
@Injectable()
export class AuditService {
  constructor(
    private readonly events: AuditRepository,
    private readonly trail: AuditTrail,
  ) {}

  async listEvents(query: AuditEventsQueryDto): Promise<Page<AuditEventDto>> {
    const { actorId, patientId, action } = query;
    const rows = await this.events.findEvents({ actorId, patientId, action, ...instantWindowPage(query) });
    await this.trail.record({ action: 'read', resourceType: 'audit_events', patientId: patientId ?? null });
    return toPage(rows, query.limit, (event) => instantKeyOf(event.occurredAt, event.id), toAuditEventDto);
  }
}
