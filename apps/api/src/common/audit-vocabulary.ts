import type { AuditAction, AuditOutcome } from '@clinic/db';

// The audit trail's closed vocabularies, written once: actions and outcomes are enums in the
// database, resource types a check constraint (migration 20261201060402). A word added here
// needs a migration that adds it there; a word is removed only when nothing writes it any more.

export const AUDIT_ACTIONS = ['read', 'search', 'create', 'update', 'archive', 'sign', 'amend', 'login', 'login_failed', 'logout', 'refresh', 'export', 'accept', 'reject'] as const satisfies readonly AuditAction[];
export const AUDIT_OUTCOMES = ['success', 'denied', 'failed'] as const satisfies readonly AuditOutcome[];

/**
 * What an event is about. A single entry and a patient's list of them have words of their own
 * (`allergy`, `allergies`), because reading one and reading the list are different accesses.
 */
export const AUDIT_RESOURCE_TYPES = [
  /** A sign-in (resourceId: its refresh-token family). */
  'session',
  /** A provider account (admins' changes, password changes and resets). */
  'provider',
  'patient',
  /** The whole chart in one read. */
  'chart',
  'allergy',
  'allergies',
  'chronic_condition',
  'chronic_conditions',
  'appointment',
  'vital_signs',
  'medical_record',
  'symptom',
  'prescription',
  /** A record's list of symptoms (resourceId: the record). */
  'record_symptoms',
  /** A record's list of prescriptions (resourceId: the record). */
  'record_prescriptions',
  /** The trail itself, read by an admin. */
  'audit_events',
  /** A request to the AI scribe (resourceId: the job; a visit's list of them has none). */
  'scribe_job',
  /** A visit's recording, read back (resourceId: the record it became). */
  'record_audio',
] as const;

export type AuditResourceType = (typeof AUDIT_RESOURCE_TYPES)[number];
