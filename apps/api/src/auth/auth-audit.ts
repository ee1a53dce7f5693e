import { type ExecutionContext, Injectable } from '@nestjs/common';
import { PrismaService } from '@clinic/db';
import { EMPTY } from 'rxjs';
import { AuditContextInterceptor, currentAuditContext } from '../audit/audit-context.js';
import type { AuditEntry, AuditRequestContext, NewAuditEvent } from '../audit/audit-event.js';
import type { AuditTransaction } from '../audit/audit.repository.js';

/** An event auth records: unlike a feature's, it names its actor itself. */
export interface AuthAuditEntry extends AuditEntry {
  /** The provider the event is about: the one signing in, refreshing or refused (null: nobody known). */
  actorId: string | null;
}

/**
 * The request context the trail would give an event of this request, for code that runs before
 * AuditContextInterceptor has set it (the guards): the interceptor itself computes it, so the
 * columns are filled exactly as for any feature's event.
 */
export function auditContextOfRequest(context: ExecutionContext): AuditRequestContext {
  let captured: AuditRequestContext | undefined;
  void new AuditContextInterceptor().intercept(context, {
    handle: () => {
      captured = currentAuditContext();
      return EMPTY;
    },
  });
  return captured ?? currentAuditContext();
}

/**
 * The audit trail as auth writes to it: sign-ins, refreshes and sign-outs (resourceType
 * `session`, resourceId the sign-in's refresh-token family) and the role guard's refusals.
 * AuditTrail takes its actor from the request context, which is empty on the public sign-in
 * routes (the provider is only known once the password or refresh token checks out) and not yet
 * set when the guards run; so these events name their actor (and, from a guard, their context)
 * explicitly. Same row shape as AuditTrail's, same rule: a failure to record fails the request.
 */
@Injectable()
export class AuthAudit {
  constructor(private readonly prisma: PrismaService) {}

  async record(entry: AuthAuditEntry, options: { within?: AuditTransaction; context?: AuditRequestContext } = {}): Promise<void> {
    const event: NewAuditEvent = {
      action: entry.action,
      resourceType: entry.resourceType,
      resourceId: entry.resourceId ?? null,
      patientId: entry.patientId ?? null,
      patientIds: [...(entry.patientIds ?? [])],
      outcome: entry.outcome ?? 'success',
      ...(options.context ?? currentAuditContext()),
      actorId: entry.actorId,
    };
    await (options.within ?? this.prisma).auditEvent.create({ data: event, select: { id: true } });
  }
}
