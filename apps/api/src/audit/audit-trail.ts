import { Injectable } from '@nestjs/common';
import { currentAuditContext } from './audit-context.js';
import type { AuditEntry, NewAuditEvent } from './audit-event.js';
import { AuditRepository, type AuditTransaction } from './audit.repository.js';

function eventOf(entry: AuditEntry): NewAuditEvent {
  return {
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId ?? null,
    patientId: entry.patientId ?? null,
    patientIds: [...(entry.patientIds ?? [])],
    outcome: entry.outcome ?? 'success',
    ...currentAuditContext(),
  };
}

/**
 * The audit trail features write to. A change records its event inside its own transaction
 * (recordWithin), so the two commit or roll back together; reads and refusals record theirs on
 * their own (record), before the answer leaves. Either way a failure to record fails the request:
 * nothing is served that the trail does not show.
 */
@Injectable()
export class AuditTrail {
  constructor(private readonly events: AuditRepository) {}

  record(entry: AuditEntry): Promise<void> {
    return this.events.insertEvent(eventOf(entry));
  }

  recordWithin(transaction: AuditTransaction, entry: AuditEntry): Promise<void> {
    return this.events.insertEvent(eventOf(entry), transaction);
  }
}
