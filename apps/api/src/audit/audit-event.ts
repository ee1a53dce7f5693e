import type { AuditAction, AuditOutcome } from '@clinic/db';

export const AUDIT_ACTIONS = ['read', 'search', 'create', 'update', 'archive', 'sign', 'amend', 'login', 'login_failed', 'logout', 'refresh', 'export'] as const satisfies readonly AuditAction[];
export const AUDIT_OUTCOMES = ['success', 'denied', 'failed'] as const satisfies readonly AuditOutcome[];

/**
 * What a feature says happened. Ids only: a name, a phone number, a search term or a note never
 * goes into the trail (admins read it without seeing charts).
 */
export interface AuditEntry {
  action: AuditAction;
  /** What was touched, in the API's words: `patient`, `patient_search`, `audit_events` … */
  resourceType: string;
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

/** One row of the trail, as the repository reads it. */
export interface AuditEventRecord extends NewAuditEvent {
  id: string;
  occurredAt: Date;
}

export interface AuditEventFilter {
  actorId?: string;
  /** Events about the patient, and searches that showed them. */
  patientId?: string;
  action?: AuditAction;
  from?: Date;
  to?: Date;
  /** Keyset: events strictly older than this (occurredAt, id) in the order of the trail. */
  before?: AuditEventKey;
  take: number;
}

/** The order of the trail (newest first), and what its cursors hold. */
export type AuditEventKey = [occurredAt: Date, id: string];
