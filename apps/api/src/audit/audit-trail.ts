import { Injectable } from '@nestjs/common';
import type { ReadParts } from '../common/read-parts.js';
import type { PageRecorder } from './audit-statements.js';
import { currentAuditContext } from './audit-context.js';
import type { AuditEntry, AuditRequestContext, NewAuditEvent } from './audit-event.js';
import { AuditRepository, type AuditTransaction } from './audit.repository.js';

/**
 * Who an event is about, when the request context cannot say: on the public sign-in routes the
 * provider is known only once the password or refresh token checks out, and the guards run
 * before the context is set (they pass the request's own).
 */
export interface AuditSubject {
  actorId?: string | null;
  context?: AuditRequestContext;
}

function eventOf(entry: AuditEntry, subject: AuditSubject): NewAuditEvent {
  const context = subject.context ?? currentAuditContext();
  return {
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId ?? null,
    patientId: entry.patientId ?? null,
    patientIds: [...(entry.patientIds ?? [])],
    outcome: entry.outcome ?? 'success',
    ...context,
    ...(subject.actorId !== undefined && { actorId: subject.actorId }),
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

  record(entry: AuditEntry, subject: AuditSubject = {}): Promise<void> {
    return this.events.insertEvent(eventOf(entry, subject));
  }

  /**
   * A read whose event is written by the same statement (AuditRepository.selectPartsRecording):
   * one round trip instead of two for the most frequent requests, a patient and a chart read.
   * The entry's outcome becomes `failed` when the `presence` part is null (nothing there).
   */
  readRecorded<T extends Record<string, unknown>>(parts: ReadParts<T>, entry: AuditEntry, presence: keyof T & string): Promise<T> {
    return this.events.selectPartsRecording(parts, eventOf(entry, {}), presence);
  }

  /**
   * For a list: runs its page statement so that the statement writes the list's event itself, when
   * that page is the answer (AuditRepository.selectPageRecording), one round trip instead of two.
   * Only on the primary: a replica cannot write.
   */
  pageRecorder(entry: AuditEntry): PageRecorder {
    const event = eventOf(entry, {});
    return (page, recording) => this.events.selectPageRecording(page, event, recording);
  }

  recordWithin(transaction: AuditTransaction, entry: AuditEntry, subject: AuditSubject = {}): Promise<void> {
    return this.events.insertEvent(eventOf(entry, subject), transaction);
  }
}
