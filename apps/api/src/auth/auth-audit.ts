import { Injectable } from '@nestjs/common';
import type { AuditEntry, AuditRequestContext } from '../audit/audit-event.js';
import { AuditTrail } from '../audit/audit-trail.js';
import type { AuditTransaction } from '../audit/audit.repository.js';

/** An event auth records: unlike a feature's, it names its actor itself. */
export interface AuthAuditEntry extends AuditEntry {
  /** The provider the event is about: the one signing in, refreshing or refused (null: nobody known). */
  actorId: string | null;
}

/**
 * The audit trail as auth writes to it: sign-ins, refreshes, sign-outs and password changes
 * (resourceType `session`, resourceId the sign-in's refresh-token family; or `provider`). On the
 * public sign-in routes the provider is known only once the password or refresh token checks out,
 * so these events name their actor explicitly; AuditTrail writes them, with the same rule as every
 * feature's: a failure to record fails the request.
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
