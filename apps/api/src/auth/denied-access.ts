import { isUUID } from 'class-validator';
import type { AuditAction } from '@clinic/db';
import type { AuditEntry } from '../audit/audit-event.js';

// The first path segment (after /api/v1) of the routes that read or change patient data: a
// refusal of one of them is recorded in the audit trail (RolesGuard). Provider accounts and the
// trail itself are no patient's data.
const PATIENT_DATA = new Set(['patients', 'appointments', 'records']);

const API_PREFIX = '/api/v1/';

/**
 * The attempted action, by method: GET/HEAD read; PUT/PATCH update; DELETE archive; POST create,
 * except a record's signature (sign), an amendment (amend), and an appointment's transitions
 * (check-in, start, complete, cancel, no-show), which update it.
 */
function attemptedAction(method: string, segments: readonly string[]): AuditAction {
  const last = segments.at(-1);
  switch (method) {
    case 'GET':
    case 'HEAD':
      return 'read';
    case 'PUT':
    case 'PATCH':
      return 'update';
    case 'DELETE':
      return 'archive';
    default:
      if (last === 'sign') return 'sign';
      if (last === 'amendments') return 'amend';
      if (segments[0] === 'appointments' && segments.length === 3) return 'update';
      return 'create';
  }
}

const uuidOrNull = (value: string | undefined) => (value !== undefined && isUUID(value) ? value : null);

/**
 * The event a refused request leaves (outcome `denied`), or null when the route is no patient
 * data's. `route` is the registered path (`/api/v1/patients/:id/allergies/:allergyId`), `params`
 * the request's values for it. resourceType is the route's first segment (`patients`,
 * `appointments`, `records`); resourceId the last id in the path; patientId the `:id` of a
 * /patients route or a `:patientId`. Ids that are not UUIDs are left out (the route would answer
 * 400 to them anyway).
 */
export function deniedAccessOf(method: string, route: string, params: Readonly<Record<string, string | undefined>>): AuditEntry | null {
  if (!route.startsWith(API_PREFIX)) return null;
  const segments = route.slice(API_PREFIX.length).split('/').filter(Boolean);
  const resourceType = segments[0];
  if (resourceType === undefined || !PATIENT_DATA.has(resourceType)) return null;
  const names = segments.filter((segment) => segment.startsWith(':')).map((segment) => segment.slice(1));
  const patientParam = resourceType === 'patients' && segments[1] === ':id' ? 'id' : names.includes('patientId') ? 'patientId' : undefined;
  const lastParam = names.at(-1);
  return {
    action: attemptedAction(method.toUpperCase(), segments),
    // A patient's audit trail is the trail's, about the patient.
    resourceType: segments.includes('audit-events') ? 'audit_events' : resourceType,
    resourceId: uuidOrNull(lastParam === undefined ? undefined : params[lastParam]),
    patientId: uuidOrNull(patientParam === undefined ? undefined : params[patientParam]),
    outcome: 'denied',
  };
}
