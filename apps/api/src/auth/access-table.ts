import { PROVIDER_ROLES, type ProviderRole } from './provider-role.js';

// Who may call which route: the one place. Controllers name their route with @Access(route)
// (access.decorator.ts), which applies this entry; the README's "Who may do what" table is
// printed from it (tools/docs/print-access-table.mjs), and test/access-table.test.ts calls every
// registered route with every role and holds the answers to it.

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A route as registered: method, then the path in OpenAPI's form (`/api/v1/patients/{id}`). */
export type RouteKey = `${HttpMethod} /${string}`;

export interface RouteAccess {
  /** Nobody needs a token (`public`), any signed-in provider may (`signed-in`), or only these roles. */
  allow: 'public' | 'signed-in' | readonly ProviderRole[];
  /** Roles let through whose access the service narrows further, and how (it may answer 403). */
  partly?: Partial<Record<ProviderRole, string>>;
  /** A list or search: `limit` is capped, and each provider's calls are throttled per minute. */
  enumerates?: true;
}

const EVERYONE: readonly ProviderRole[] = PROVIDER_ROLES;
const ADMINS: readonly ProviderRole[] = ['admin'];

// Patients and their allergies and conditions. Front-desk staff register patients and keep their
// demographics current, and must see allergies and conditions (to warn, to book the right visit),
// but the clinical entries themselves are written by those who take the history.
const CHART_READERS = EVERYONE;
const CLINICAL_WRITERS: readonly ProviderRole[] = ['admin', 'clinician'];

// The schedule and the visit. The front desk (staff) books, moves, checks in, cancels and marks
// no-shows, and takes vital signs at intake; starting and completing a visit is the clinician's
// act. Admins manage accounts: they may read the schedule but not change it.
const SCHEDULE_READERS = EVERYONE;
const FRONT_DESK: readonly ProviderRole[] = ['clinician', 'staff'];
const VISIT_CLINICIANS: readonly ProviderRole[] = ['clinician'];

// Visit notes (records, amendments, symptoms, prescriptions): clinicians read and write them;
// admins read them (audits, disputes) and never write a clinical note; staff see none of them, and
// read the chart without the notes.
const RECORD_READERS: readonly ProviderRole[] = ['clinician', 'admin'];
const RECORD_WRITERS: readonly ProviderRole[] = ['clinician'];

// Everyone who works a chart reads it; only note readers see the notes in it (chart.service.ts):
// staff get the chart without notes (never a note's text, an indication or an override reason).
const CHART_VIEWERS: readonly ProviderRole[] = ['clinician', 'admin', 'staff'];

/** Who reads the notes in a chart (each visit's complaint and diagnosis, prescriptions' indications). */
export const NOTE_READERS: readonly ProviderRole[] = RECORD_READERS;

// Admins manage every account; any other provider reads and updates only their own profile, and
// never their own role or isActive (providers.service.ts answers 403 otherwise).
const OWN_PROFILE = { clinician: 'own only', staff: 'own only' } as const;
const OWN_PROFILE_UPDATE = { clinician: 'own profile, not role or isActive', staff: 'own profile, not role or isActive' } as const;

export const ACCESS_TABLE = {
  // Probes (load balancers, orchestrators) hold no token.
  'GET /health/live': { allow: 'public' },
  'GET /health/ready': { allow: 'public' },

  'POST /api/v1/auth/login': { allow: 'public' },
  'POST /api/v1/auth/refresh': { allow: 'public' },
  'POST /api/v1/auth/logout': { allow: 'signed-in' },
  'GET /api/v1/auth/me': { allow: 'signed-in' },

  'GET /api/v1/providers': { allow: ADMINS, enumerates: true },
  'POST /api/v1/providers': { allow: ADMINS },
  'GET /api/v1/providers/{id}': { allow: 'signed-in', partly: OWN_PROFILE },
  'PATCH /api/v1/providers/{id}': { allow: 'signed-in', partly: OWN_PROFILE_UPDATE },

  'GET /api/v1/patients': { allow: CHART_READERS, enumerates: true },
  'POST /api/v1/patients': { allow: CHART_READERS },
  'GET /api/v1/patients/{id}': { allow: CHART_READERS },
  'PATCH /api/v1/patients/{id}': { allow: CHART_READERS },
  'DELETE /api/v1/patients/{id}': { allow: CHART_READERS },
  'GET /api/v1/patients/{patientId}/chart': { allow: CHART_VIEWERS, partly: { staff: 'without notes' } },

  'GET /api/v1/patients/{id}/allergies': { allow: CHART_READERS, enumerates: true },
  'POST /api/v1/patients/{id}/allergies': { allow: CLINICAL_WRITERS },
  'GET /api/v1/patients/{id}/allergies/{allergyId}': { allow: CHART_READERS },
  'PATCH /api/v1/patients/{id}/allergies/{allergyId}': { allow: CLINICAL_WRITERS },
  'DELETE /api/v1/patients/{id}/allergies/{allergyId}': { allow: CLINICAL_WRITERS },

  'GET /api/v1/patients/{id}/conditions': { allow: CHART_READERS, enumerates: true },
  'POST /api/v1/patients/{id}/conditions': { allow: CLINICAL_WRITERS },
  'GET /api/v1/patients/{id}/conditions/{conditionId}': { allow: CHART_READERS },
  'PATCH /api/v1/patients/{id}/conditions/{conditionId}': { allow: CLINICAL_WRITERS },
  'DELETE /api/v1/patients/{id}/conditions/{conditionId}': { allow: CLINICAL_WRITERS },

  'GET /api/v1/patients/{patientId}/vitals': { allow: SCHEDULE_READERS, enumerates: true },

  'GET /api/v1/appointments': { allow: SCHEDULE_READERS, enumerates: true },
  'POST /api/v1/appointments': { allow: FRONT_DESK },
  'GET /api/v1/appointments/{id}': { allow: SCHEDULE_READERS },
  'PATCH /api/v1/appointments/{id}': { allow: FRONT_DESK },
  'POST /api/v1/appointments/{id}/check-in': { allow: FRONT_DESK },
  'POST /api/v1/appointments/{id}/start': { allow: VISIT_CLINICIANS },
  'POST /api/v1/appointments/{id}/complete': { allow: VISIT_CLINICIANS },
  'POST /api/v1/appointments/{id}/cancel': { allow: FRONT_DESK },
  'POST /api/v1/appointments/{id}/no-show': { allow: FRONT_DESK },
  'GET /api/v1/appointments/{id}/vitals': { allow: SCHEDULE_READERS },
  'PUT /api/v1/appointments/{id}/vitals': { allow: FRONT_DESK },

  'GET /api/v1/appointments/{appointmentId}/record': { allow: RECORD_READERS },
  'PUT /api/v1/appointments/{appointmentId}/record': { allow: RECORD_WRITERS },
  'POST /api/v1/appointments/{appointmentId}/record/sign': { allow: RECORD_WRITERS },
  'POST /api/v1/appointments/{appointmentId}/record/amendments': { allow: RECORD_WRITERS },

  'GET /api/v1/records/{recordId}/symptoms': { allow: RECORD_READERS, enumerates: true },
  'POST /api/v1/records/{recordId}/symptoms': { allow: RECORD_WRITERS },
  'PATCH /api/v1/records/{recordId}/symptoms/{symptomId}': { allow: RECORD_WRITERS },
  'DELETE /api/v1/records/{recordId}/symptoms/{symptomId}': { allow: RECORD_WRITERS },

  'GET /api/v1/records/{recordId}/prescriptions': { allow: RECORD_READERS, enumerates: true },
  'POST /api/v1/records/{recordId}/prescriptions': { allow: RECORD_WRITERS },
  'PATCH /api/v1/records/{recordId}/prescriptions/{prescriptionId}': { allow: RECORD_WRITERS },
  'DELETE /api/v1/records/{recordId}/prescriptions/{prescriptionId}': { allow: RECORD_WRITERS },

  // Who read or changed what: for those who answer for the records, not for those who keep them.
  'GET /api/v1/audit-events': { allow: ADMINS, enumerates: true },
  'GET /api/v1/patients/{id}/audit-events': { allow: ADMINS, enumerates: true },
} as const satisfies Record<RouteKey, RouteAccess>;

export type AccessRoute = keyof typeof ACCESS_TABLE;

export function accessOf(route: string): RouteAccess | undefined {
  return Object.hasOwn(ACCESS_TABLE, route) ? (ACCESS_TABLE as Record<string, RouteAccess>)[route] : undefined;
}

/** The roles that pass the role check of an entry that needs a token. */
export function rolesLetThrough(access: RouteAccess): readonly ProviderRole[] {
  if (access.allow === 'public' || access.allow === 'signed-in') return EVERYONE;
  return access.allow;
}

/** `GET` and `/api/v1/patients/:id` (Fastify's form) → `GET /api/v1/patients/{id}`. */
export function routeKeyOf(method: string, url: string): string {
  return `${method.toUpperCase()} ${url.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`;
}
