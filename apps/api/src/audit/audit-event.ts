import type { AuditAction, AuditOutcome } from '@clinic/db';
import type { AuditResourceType } from '../common/audit-vocabulary.js';
import type { InstantWindowPage } from '../common/cursors.js';

/**
 * What a feature says happened. Ids only: a name, a phone number, a search term or a note never
 * goes into the trail (admins read it without seeing charts).
 */
export interface AuditEntry {
  action: AuditAction;
  /** What was touched, in the trail's closed vocabulary (common/audit-vocabulary.ts). */
  resourceType: AuditResourceType;
  resourceId?: string | null;
  /** The patient whose chart this is about, when there is one. */
  patientId?: string | null;
  /** A search's results: every patient id the caller was shown. */
  patientIds?: readonly string[];
  /** success unless said otherwise. */
  outcome?: AuditOutcome;
}

/** Who sent the request, and from where: filled in by the trail, never by features. */
export interface AuditRequestContext {
  actorId: string | null;
  clientAddress: string | null;
  userAgent: string | null;
  requestId: string | null;
}

/** One row of the trail, as the repository writes it. */
export type NewAuditEvent = Required<Omit<AuditEntry, 'patientIds'>> & { patientIds: string[] } & AuditRequestContext;

/**
 * One row of the trail, as the repository reads it. Its resource type is plain text: events
 * written before the vocabulary was closed keep the words they were written with.
 */
export interface AuditEventRecord extends Omit<NewAuditEvent, 'resourceType'> {
  resourceType: string;
  id: string;
  occurredAt: Date;
}

/** The trail is listed newest first: `after` is a keyset position in that order (older events follow). */
export interface AuditEventFilter extends InstantWindowPage {
  actorId?: string;
  /** Events about the patient, and searches that showed them. */
  patientId?: string;
  action?: AuditAction;
}
