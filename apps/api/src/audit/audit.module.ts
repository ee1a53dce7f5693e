import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditContextInterceptor } from './audit-context.js';
import { AuditTrail } from './audit-trail.js';
import { AuditController } from './audit.controller.js';
import { AuditRepository } from './audit.repository.js';
import { AuditService } from './audit.service.js';
import { PatientLookups } from './patient-lookups.js';
import { RefusedRequests } from './refused-requests.js';

/**
 * The audit trail: AuditTrail for features to record what they do (import this module),
 * RefusedRequests for the guards and the error filter, PatientLookups for the features that can
 * tell whose an appointment or record is, the admin routes that read the trail, and the global
 * interceptor that gives every request's events their caller, address, user agent and request id.
 */
@Module({
  controllers: [AuditController],
  providers: [AuditTrail, AuditRepository, AuditService, PatientLookups, RefusedRequests, { provide: APP_INTERCEPTOR, useClass: AuditContextInterceptor }],
  exports: [AuditTrail, PatientLookups, RefusedRequests],
})
export class AuditModule {}
