import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access } from '../identity/access.decorator.js';
import { ApiInvalidInput, ApiSignedIn } from '../common/api-docs.js';
import { UuidParam } from '../common/uuid-param.js';
import { AuditService } from './audit.service.js';
import { AuditEventPageDto } from './dto/audit-event-page.dto.js';
import { AuditEventsQueryDto, PatientAuditEventsQueryDto } from './dto/audit-events-query.dto.js';

const ORDER = 'Newest first (occurredAt, then id). Reading the trail is itself recorded in it.';

// Admins only (the access table, auth/access-table.ts): those who answer for the records.
@ApiTags('audit')
@ApiSignedIn()
@Controller()
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get('audit-events')
  @Access('GET /api/v1/audit-events')
  @ApiOperation({ summary: 'The audit trail: who read or changed what, when, from where', description: ORDER })
  @ApiOkResponse({ type: AuditEventPageDto })
  @ApiInvalidInput('Invalid filter (malformed UUID, action, instant), limit or cursor')
  listAuditEvents(@Query() query: AuditEventsQueryDto): Promise<AuditEventPageDto> {
    return this.audit.listEvents(query);
  }

  @Get('patients/:id/audit-events')
  @Access('GET /api/v1/patients/{id}/audit-events')
  @ApiOperation({
    summary: "A patient's audit trail",
    description: `Events about the patient, and searches that returned them. An id that is no patient's answers its events too (requests for it that failed), not 404. ${ORDER}`,
  })
  @ApiOkResponse({ type: AuditEventPageDto })
  @ApiInvalidInput('id is not a UUID, or an invalid filter, limit or cursor')
  listPatientAuditEvents(@UuidParam('id') id: string, @Query() query: PatientAuditEventsQueryDto): Promise<AuditEventPageDto> {
    return this.audit.listEvents({ ...query, patientId: id });
  }
}
