import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditContextInterceptor } from './audit-context.js';
import { AuditTrail } from './audit-trail.js';
import { AuditController } from './audit.controller.js';
import { AuditRepository } from './audit.repository.js';
import { AuditService } from './audit.service.js';

/**
 * The audit trail: AuditTrail for features to record what they do (import this module), the
 * admin routes that read it, and the global interceptor that gives every request's events their
 * caller, address, user agent and request id.
 */
@Module({
  controllers: [AuditController],
  providers: [AuditTrail, AuditRepository, AuditService, { provide: APP_INTERCEPTOR, useClass: AuditContextInterceptor }],
  exports: [AuditTrail],
})
export class AuditModule {}
