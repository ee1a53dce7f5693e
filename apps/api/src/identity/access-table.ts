import type { AuditResourceType } from '../common/audit-vocabulary.js';
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
  /** Still allowed while the caller must choose a new password (after an admin's reset). */
  duringPasswordChange?: true;
  /**
   * A route of patient data: a request it refuses or fails (401, 403, 400, 429, 500) is recorded
   * in the audit trail with these words, the same a served request is recorded with.
   */
  audit?: RouteAudit;
}

/** How a patient-data route's refused or failed requests are recorded (see audit/refused-requests.ts). */
export interface RouteAudit {
  resource: AuditResourceType;
  /** The path parameter that names the resource: its value goes into resourceId. */
  idParam?: string;
  /**
   * Where the event's patient comes from: a path parameter holding the patient's id, or one
   * holding an appointment's or a medical record's id, whose patient the trail looks up.
   */
  patient?: { param: string; via: PatientVia };
}

export type PatientVia = 'patient' | 'appointment' | 'medical_record';

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

// The AI scribe's jobs: those who read notes may ask for a draft of one and follow it.
const SCRIBE_USERS: readonly ProviderRole[] = ['clinician', 'admin'];

// Everyone who works a chart reads it; only note readers see the notes in it (chart.service.ts):
// staff get the chart without notes (never a note's text, an indication or an override reason).
const CHART_VIEWERS: readonly ProviderRole[] = ['clinician', 'admin', 'staff'];

/** Who reads the notes in a chart (each visit's complaint and diagnosis, prescriptions' indications). */
export const NOTE_READERS: readonly ProviderRole[] = RECORD_READERS;

// Admins manage every account; any other provider reads and updates only their own profile, and
// never their own role or isActive (providers.service.ts answers 403 otherwise).
const OWN_PROFILE = { clinician: 'own only', staff: 'own only' } as const;
const OWN_PROFILE_UPDATE = { clinician: 'own profile, not role or isActive', staff: 'own profile, not role or isActive' } as const;

// The trail's words for the routes of patient data (RouteAudit), by where the patient is found.
const ofPatient = (resource: AuditResourceType, idParam?: string, param = 'id'): RouteAudit => ({ resource, idParam, patient: { param, via: 'patient' } });
// resourceId is the appointment's only when the resource is the appointment: the path holds no id of its record or vital signs.
const ofAppointment = (resource: AuditResourceType, param = 'id'): RouteAudit => ({
  resource,
  idParam: resource === 'appointment' ? param : undefined,
  patient: { param, via: 'appointment' },
});
const ofRecord = (resource: AuditResourceType, idParam?: string): RouteAudit => ({ resource, idParam, patient: { param: 'recordId', via: 'medical_record' } });

export const ACCESS_TABLE = {
  // Probes (load balancers, orchestrators) hold no token.
  'GET /health/live': { allow: 'public' },
  'GET /health/ready': { allow: 'public' },

  'POST /api/v1/auth/login': { allow: 'public' },
  'POST /api/v1/auth/refresh': { allow: 'public' },
  'POST /api/v1/auth/logout': { allow: 'signed-in', duringPasswordChange: true },
  'POST /api/v1/auth/logout-all': { allow: 'signed-in', duringPasswordChange: true },
  'POST /api/v1/auth/password': { allow: 'signed-in', duringPasswordChange: true },
  'GET /api/v1/auth/me': { allow: 'signed-in', duringPasswordChange: true },

  'GET /api/v1/providers': { allow: ADMINS, enumerates: true },
  'POST /api/v1/providers': { allow: ADMINS },
  'GET /api/v1/providers/{id}': { allow: 'signed-in', partly: OWN_PROFILE },
  'PATCH /api/v1/providers/{id}': { allow: 'signed-in', partly: OWN_PROFILE_UPDATE },
  'POST /api/v1/providers/{id}/password-reset': { allow: ADMINS, partly: { admin: 'another provider only' } },

  'GET /api/v1/patients': { allow: CHART_READERS, enumerates: true, audit: { resource: 'patient' } },
  'POST /api/v1/patients': { allow: CHART_READERS, audit: { resource: 'patient' } },
  'GET /api/v1/patients/{id}': { allow: CHART_READERS, audit: ofPatient('patient', 'id') },
  'PATCH /api/v1/patients/{id}': { allow: CHART_READERS, audit: ofPatient('patient', 'id') },
  'DELETE /api/v1/patients/{id}': { allow: CHART_READERS, audit: ofPatient('patient', 'id') },
  'GET /api/v1/patients/{patientId}/chart': { allow: CHART_VIEWERS, partly: { staff: 'without notes' }, audit: ofPatient('chart', 'patientId', 'patientId') },

  'GET /api/v1/patients/{id}/allergies': { allow: CHART_READERS, enumerates: true, audit: ofPatient('allergies') },
  'POST /api/v1/patients/{id}/allergies': { allow: CLINICAL_WRITERS, audit: ofPatient('allergy') },
  'GET /api/v1/patients/{id}/allergies/{allergyId}': { allow: CHART_READERS, audit: ofPatient('allergy', 'allergyId') },
  'PATCH /api/v1/patients/{id}/allergies/{allergyId}': { allow: CLINICAL_WRITERS, audit: ofPatient('allergy', 'allergyId') },
  'DELETE /api/v1/patients/{id}/allergies/{allergyId}': { allow: CLINICAL_WRITERS, audit: ofPatient('allergy', 'allergyId') },

  'GET /api/v1/patients/{id}/conditions': { allow: CHART_READERS, enumerates: true, audit: ofPatient('chronic_conditions') },
  'POST /api/v1/patients/{id}/conditions': { allow: CLINICAL_WRITERS, audit: ofPatient('chronic_condition') },
  'GET /api/v1/patients/{id}/conditions/{conditionId}': { allow: CHART_READERS, audit: ofPatient('chronic_condition', 'conditionId') },
  'PATCH /api/v1/patients/{id}/conditions/{conditionId}': { allow: CLINICAL_WRITERS, audit: ofPatient('chronic_condition', 'conditionId') },
  'DELETE /api/v1/patients/{id}/conditions/{conditionId}': { allow: CLINICAL_WRITERS, audit: ofPatient('chronic_condition', 'conditionId') },

  'GET /api/v1/patients/{patientId}/vitals': { allow: SCHEDULE_READERS, enumerates: true, audit: ofPatient('vital_signs', undefined, 'patientId') },

  'GET /api/v1/appointments': { allow: SCHEDULE_READERS, enumerates: true, audit: { resource: 'appointment' } },
  'POST /api/v1/appointments': { allow: FRONT_DESK, audit: { resource: 'appointment' } },
  'GET /api/v1/appointments/{id}': { allow: SCHEDULE_READERS, audit: ofAppointment('appointment') },
  'PATCH /api/v1/appointments/{id}': { allow: FRONT_DESK, audit: ofAppointment('appointment') },
  'POST /api/v1/appointments/{id}/check-in': { allow: FRONT_DESK, audit: ofAppointment('appointment') },
  'POST /api/v1/appointments/{id}/start': { allow: VISIT_CLINICIANS, audit: ofAppointment('appointment') },
  'POST /api/v1/appointments/{id}/complete': { allow: VISIT_CLINICIANS, audit: ofAppointment('appointment') },
  'POST /api/v1/appointments/{id}/cancel': { allow: FRONT_DESK, audit: ofAppointment('appointment') },
  'POST /api/v1/appointments/{id}/no-show': { allow: FRONT_DESK, audit: ofAppointment('appointment') },
  'GET /api/v1/appointments/{id}/vitals': { allow: SCHEDULE_READERS, audit: ofAppointment('vital_signs') },
  'PUT /api/v1/appointments/{id}/vitals': { allow: FRONT_DESK, audit: ofAppointment('vital_signs') },

  'GET /api/v1/appointments/{appointmentId}/record': { allow: RECORD_READERS, audit: ofAppointment('medical_record', 'appointmentId') },
  'PUT /api/v1/appointments/{appointmentId}/record': { allow: RECORD_WRITERS, audit: ofAppointment('medical_record', 'appointmentId') },
  'POST /api/v1/appointments/{appointmentId}/record/sign': { allow: RECORD_WRITERS, audit: ofAppointment('medical_record', 'appointmentId') },
  'POST /api/v1/appointments/{appointmentId}/record/amendments': { allow: RECORD_WRITERS, audit: ofAppointment('medical_record', 'appointmentId') },

  // The AI scribe: clinicians and admins ask for a draft and follow its job (the contract);
  // the draft is reviewed and signed by a clinician through the record routes above. The recording
  // is read like the note it became.
  'POST /api/v1/appointments/{id}/scribe': { allow: SCRIBE_USERS, audit: ofAppointment('scribe_job') },
  'GET /api/v1/appointments/{id}/scribe-jobs': { allow: SCRIBE_USERS, audit: ofAppointment('scribe_job') },
  'GET /api/v1/scribe-jobs/{jobId}': { allow: SCRIBE_USERS, audit: { resource: 'scribe_job', idParam: 'jobId' } },
  'GET /api/v1/appointments/{appointmentId}/record/audio': { allow: RECORD_READERS, audit: ofAppointment('record_audio', 'appointmentId') },

  'GET /api/v1/records/{recordId}/symptoms': { allow: RECORD_READERS, enumerates: true, audit: ofRecord('record_symptoms', 'recordId') },
  'POST /api/v1/records/{recordId}/symptoms': { allow: RECORD_WRITERS, audit: ofRecord('symptom') },
  'PATCH /api/v1/records/{recordId}/symptoms/{symptomId}': { allow: RECORD_WRITERS, audit: ofRecord('symptom', 'symptomId') },
  'DELETE /api/v1/records/{recordId}/symptoms/{symptomId}': { allow: RECORD_WRITERS, audit: ofRecord('symptom', 'symptomId') },
  // The clinician's review of what the AI scribe extracted is writing the note: clinicians only.
  'POST /api/v1/records/{recordId}/symptoms/{symptomId}/accept': { allow: RECORD_WRITERS, audit: ofRecord('symptom', 'symptomId') },
  'POST /api/v1/records/{recordId}/symptoms/{symptomId}/reject': { allow: RECORD_WRITERS, audit: ofRecord('symptom', 'symptomId') },

  'GET /api/v1/records/{recordId}/prescriptions': { allow: RECORD_READERS, enumerates: true, audit: ofRecord('record_prescriptions', 'recordId') },
  'POST /api/v1/records/{recordId}/prescriptions': { allow: RECORD_WRITERS, audit: ofRecord('prescription') },
  'PATCH /api/v1/records/{recordId}/prescriptions/{prescriptionId}': { allow: RECORD_WRITERS, audit: ofRecord('prescription', 'prescriptionId') },
  'DELETE /api/v1/records/{recordId}/prescriptions/{prescriptionId}': { allow: RECORD_WRITERS, audit: ofRecord('prescription', 'prescriptionId') },
  'POST /api/v1/records/{recordId}/prescriptions/{prescriptionId}/accept': { allow: RECORD_WRITERS, audit: ofRecord('prescription', 'prescriptionId') },
  'POST /api/v1/records/{recordId}/prescriptions/{prescriptionId}/reject': { allow: RECORD_WRITERS, audit: ofRecord('prescription', 'prescriptionId') },

  // Who read or changed what: for those who answer for the records, not for those who keep them.
  'GET /api/v1/audit-events': { allow: ADMINS, enumerates: true, audit: { resource: 'audit_events' } },
  'GET /api/v1/patients/{id}/audit-events': { allow: ADMINS, enumerates: true, audit: ofPatient('audit_events') },

  // The FHIR R4 API (read-only): the same roles as the /api/v1 routes over the same rows, and the
  // same words in the trail. Staff read a chart without its notes there too: no Composition, and
  // prescriptions without their indication or override reason. A search names its patient in the
  // query, not the path, so its refused requests are recorded without one.
  'GET /fhir/R4/metadata': { allow: 'public' },
  'GET /fhir/R4/Patient': { allow: CHART_READERS, enumerates: true, audit: { resource: 'patient' } },
  'GET /fhir/R4/Patient/{id}': { allow: CHART_READERS, audit: ofPatient('patient', 'id') },
  'GET /fhir/R4/Patient/{id}/$everything': { allow: CHART_VIEWERS, partly: { staff: 'without notes' }, audit: ofPatient('chart', 'id') },
  // What the charts name of a provider (name, license, specialty, work phone; never the account).
  'GET /fhir/R4/Practitioner/{id}': { allow: 'signed-in' },
  'GET /fhir/R4/Encounter': { allow: SCHEDULE_READERS, enumerates: true, audit: { resource: 'appointment' } },
  'GET /fhir/R4/Encounter/{id}': { allow: SCHEDULE_READERS, audit: ofAppointment('appointment') },
  'GET /fhir/R4/Observation': { allow: SCHEDULE_READERS, enumerates: true, audit: { resource: 'vital_signs' } },
  'GET /fhir/R4/Observation/{id}': { allow: SCHEDULE_READERS, audit: { resource: 'vital_signs' } },
  'GET /fhir/R4/AllergyIntolerance': { allow: CHART_READERS, enumerates: true, audit: { resource: 'allergies' } },
  'GET /fhir/R4/AllergyIntolerance/{id}': { allow: CHART_READERS, audit: { resource: 'allergy', idParam: 'id' } },
  'GET /fhir/R4/Condition': { allow: CHART_READERS, enumerates: true, audit: { resource: 'chronic_conditions' } },
  'GET /fhir/R4/Condition/{id}': { allow: CHART_READERS, audit: { resource: 'chronic_condition', idParam: 'id' } },
  'GET /fhir/R4/MedicationRequest': { allow: CHART_VIEWERS, partly: { staff: 'without notes' }, enumerates: true, audit: { resource: 'prescription' } },
  'GET /fhir/R4/MedicationRequest/{id}': { allow: CHART_VIEWERS, partly: { staff: 'without notes' }, audit: { resource: 'prescription', idParam: 'id' } },
  'GET /fhir/R4/Composition/{id}': { allow: RECORD_READERS, audit: { resource: 'medical_record', idParam: 'id', patient: { param: 'id', via: 'medical_record' } } },
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
