import { type ExecutionContext, Injectable } from '@nestjs/common';
import { EMPTY } from 'rxjs';
import { AuditContextInterceptor, currentAuditContext } from '../audit/audit-context.js';
import type { AuditEntry, AuditRequestContext } from '../audit/audit-event.js';
import { AuditTrail } from '../audit/audit-trail.js';
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
 * `session`, resourceId the sign-in's refresh-token family) and the role guard's refusals. These
 * events name their actor (and, from a guard, their context) explicitly; AuditTrail writes them,
 * with the same rule as every feature's: a failure to record fails the request.
 */
@Injectable()
export class AuthAudit {
  constructor(private readonly trail: AuditTrail) {}

  record(entry: AuthAuditEntry, options: { within?: AuditTransaction; context?: AuditRequestContext } = {}): Promise<void> {
    const { actorId, ...event } = entry;
    const subject = { actorId, context: options.context };
    return options.within ? this.trail.recordWithin(options.within, event, subject) : this.trail.record(event, subject);
  }
}
