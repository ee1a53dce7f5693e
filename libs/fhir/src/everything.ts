import type { Bundle, Resource } from '@medplum/fhirtypes';
import { bundleEntry, pagedBundle } from './bundles.js';
import type { FhirContext } from './context.js';
import { toFhirAllergyIntolerance } from './resources/allergy-intolerance.js';
import { toFhirCondition } from './resources/condition.js';
import { toFhirEncounter } from './resources/encounter.js';
import { toFhirMedicationRequest } from './resources/medication-request.js';
import { toFhirPatient } from './resources/patient.js';
import { toFhirPractitioner } from './resources/practitioner.js';
import { toFhirComposition } from './resources/visit-note.js';
import { toVitalSignObservations } from './resources/vital-signs.js';
import { everythingPath, type EverythingRequest } from './search/everything-request.js';
import type {
  AllergySource,
  AppointmentSource,
  ConditionSource,
  PatientSource,
  PrescriptionSource,
  ProviderSource,
  SignedRecordSource,
  VitalSignsSource,
} from './sources.js';

/** One patient's whole chart, as the repositories read it (in a fixed number of queries). */
export interface PatientChartSource {
  patient: PatientSource;
  appointments: AppointmentSource[];
  vitalSigns: VitalSignsSource[];
  allergies: AllergySource[];
  conditions: ConditionSource[];
  /** Signed records only, with their symptoms and amendments: drafts never leave through FHIR. */
  signedRecords: SignedRecordSource[];
  /** The prescriptions of those signed records (any other is refused). */
  prescriptions: PrescriptionSource[];
  /** At least every provider the chart names: appointments' providers, signers, amendments' authors. */
  practitioners: ProviderSource[];
}

type Identified = Resource & { id: string };

/** The bundle's sections, in order; a page position is (section, id). */
const SECTIONS = ['Patient', 'Encounter', 'Observation', 'Condition', 'AllergyIntolerance', 'MedicationRequest', 'Composition', 'Practitioner'] as const;

function lookup<Row extends { id: string }>(rows: readonly Row[], what: string): (id: string) => Row {
  const byId = new Map(rows.map((row) => [row.id, row]));
  return (id) => {
    const row = byId.get(id);
    if (!row) throw new Error(`the chart names ${what} ${id} but was not given it`);
    return row;
  };
}

/** Every clinical resource of the chart the reader may see (the patient and the Practitioners are added apart). */
function chartResources(chart: PatientChartSource, context: FhirContext): Identified[] {
  const visit = lookup(chart.appointments, 'appointment');
  const record = lookup(chart.signedRecords, 'signed record');
  const resources: Identified[] = [
    ...chart.appointments.map((appointment) => toFhirEncounter(appointment, context)),
    ...chart.vitalSigns.flatMap((vitals) => toVitalSignObservations(vitals, visit(vitals.appointmentId))),
    ...chart.conditions.map(toFhirCondition),
    ...chart.allergies.map(toFhirAllergyIntolerance),
    ...chart.prescriptions.map((prescription) => {
      const signed = record(prescription.medicalRecordId);
      return toFhirMedicationRequest(prescription, signed, visit(signed.appointmentId), context);
    }),
    ...(context.withNotes ? chart.signedRecords.map((note) => toFhirComposition(note, visit(note.appointmentId), context)) : []),
  ].map((resource) => resource as Identified);
  // Every row handed in must be this patient's: another's would leave in the wrong chart.
  const stranger = resources.find((resource) => {
    const subject = 'patient' in resource ? resource.patient : 'subject' in resource ? resource.subject : undefined;
    return Array.isArray(subject) || subject?.reference !== `Patient/${chart.patient.id}`;
  });
  if (stranger) throw new Error(`${stranger.resourceType}/${stranger.id} is not ${chart.patient.id}'s`);
  return resources;
}

/** The Practitioners a value names, found by walking every reference in it (for…in: no allocation per object). */
function collectPractitioners(value: unknown, into: Set<string>): Set<string> {
  if (typeof value !== 'object' || value === null) return into;
  if (Array.isArray(value)) {
    for (const item of value) collectPractitioners(item, into);
    return into;
  }
  const object = value as Record<string, unknown>;
  for (const key in object) {
    const inner = object[key];
    if (typeof inner === 'object') collectPractitioners(inner, into);
    else if (key === 'reference' && typeof inner === 'string' && inner.startsWith('Practitioner/')) into.add(inner.slice('Practitioner/'.length));
  }
  return into;
}

/**
 * Without `_since`, everything; with it, what changed since. Allergies and conditions carry no
 * date of their last change (the chart keeps none), so they are always included: a client
 * syncing with _since gets them again rather than missing a change.
 */
function changedSince(resource: Resource, since: Date | undefined): boolean {
  const lastUpdated = resource.meta?.lastUpdated;
  return since === undefined || lastUpdated === undefined || new Date(lastUpdated) >= since;
}

const sectionOf = (resource: Resource) => SECTIONS.indexOf(resource.resourceType as (typeof SECTIONS)[number]);
const byPosition = (a: Identified, b: Identified) => sectionOf(a) - sectionOf(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * `Patient/{id}/$everything`: the patient, everything in their chart the reader may see (no
 * notes without notes), and the Practitioners those name; a searchset Bundle, paged by `_count`
 * when given. The patient is always in it, whatever `_since`, so that the Bundle says whose it is.
 */
export function patientEverything(chart: PatientChartSource, request: EverythingRequest, context: FhirContext): Bundle {
  if (chart.patient.id !== request.patientId) throw new Error(`asked for ${request.patientId}'s chart, given ${chart.patient.id}'s`);
  const clinical = chartResources(chart, context).filter((resource) => changedSince(resource, request.since));
  const named = collectPractitioners(clinical, new Set());
  const practitioner = lookup(chart.practitioners, 'practitioner');
  const practitioners = [...named].map((id) => toFhirPractitioner(practitioner(id), context) as Identified);
  const all = [toFhirPatient(chart.patient, context) as Identified, ...clinical, ...practitioners].sort(byPosition);

  const after = request.after;
  const remaining = after ? all.filter((resource) => sectionOf(resource) > after[0] || (sectionOf(resource) === after[0] && resource.id > after[1])) : all;
  const page = request.count === undefined ? remaining : remaining.slice(0, request.count);
  const last = page.at(-1);
  const next = last && page.length < remaining.length ? ([sectionOf(last), last.id] as [number, string]) : undefined;
  const entries = page.map((resource) => bundleEntry(context, resource, resource.resourceType === 'Practitioner' ? 'include' : 'match'));
  const listing = { kind: 'everything' as const, path: everythingPath(request.patientId), query: request.query, count: request.count, cursor: request.cursor };
  return pagedBundle(context, listing, entries, all.length, next);
}
