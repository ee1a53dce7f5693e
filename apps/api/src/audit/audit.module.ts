import { Module } from '@nestjs/common';
import { AuditTrail } from './audit-trail.js';
import { AuditController } from './audit.controller.js';
import { AuditRepository } from './audit.repository.js';
import { AuditService } from './audit.service.js';
import { PatientLookups } from './patient-lookups.js';
import { RefusedRequests } from './refused-requests.js';

/**
 * The audit trail: AuditTrail for features to record what they do (import this module),
 * RefusedRequests for the guards and the error filter, PatientLookups for the features that can
 * tell whose an appointment or record is, and the admin routes that read the trail. Each
 * request's events get their caller, address, user agent and request id from the request the
 * Fastify hook of audit-context.ts keeps (registered by app.factory.ts).
 */
@Module({
  controllers: [AuditController],
  providers: [AuditTrail, AuditRepository, AuditService, PatientLookups, RefusedRequests],
  exports: [AuditTrail, PatientLookups, RefusedRequests],
})
export class AuditModule {}
