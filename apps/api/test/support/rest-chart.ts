// A patient's chart read through /api/v1, every list walked to its end: what the FHIR round trip
// compares its $everything with.
import assert from 'node:assert/strict';
import { bearer } from './auth.js';
import type { TestApp } from './test-app.js';

async function everyPage<T>(api: TestApp, path: string, accessToken: string): Promise<T[]> {
  const rows: T[] = [];
  let cursor: string | null = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const url: string = `${path}${separator}limit=200${cursor ? `&cursor=${cursor}` : ''}`;
    const response = await api.http().get(url).set(bearer(accessToken));
    assert.equal(response.status, 200, `${url}: ${response.text}`);
    const page = response.body as { data: T[]; nextCursor: string | null };
    rows.push(...page.data);
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
}

const SINGLE_MEASUREMENTS = ['heartRate', 'temperature', 'respiratoryRate', 'oxygenSaturation', 'weight', 'height', 'bmi', 'painLevel'] as const;

type VitalSigns = Record<'bloodPressureSystolic' | 'bloodPressureDiastolic' | (typeof SINGLE_MEASUREMENTS)[number], number | null>;

/** The measurements of a set as FHIR counts them: blood pressure's two values make one. */
export function measurementsOf(vitals: VitalSigns): number {
  const pressure = vitals.bloodPressureSystolic !== null || vitals.bloodPressureDiastolic !== null;
  return Number(pressure) + SINGLE_MEASUREMENTS.filter((field) => vitals[field] !== null).length;
}

export interface RestChart {
  chart: { recentAppointments: { id: string; record: { id: string } | null }[]; allergies: unknown[]; activeConditions: unknown[]; latestVitals: { id: string } | null };
  appointments: { id: string; status: string }[];
  vitalSigns: (VitalSigns & { id: string })[];
  allergies: { id: string }[];
  conditions: { id: string; status: string }[];
  records: { id: string; isDraft: boolean; signedAt: string | null; amendments: { authorId: string }[] }[];
  /** Prescriptions of every record, drafts' included, by record. */
  prescriptions: Map<string, { id: string }[]>;
}

/** Everything /api/v1 says of the patient, as a note reader sees it. */
export async function readRestChart(api: TestApp, patientId: string, accessToken: string): Promise<RestChart> {
  const chart = (await api.http().get(`/api/v1/patients/${patientId}/chart`).set(bearer(accessToken)).expect(200)).body;
  const appointments = await everyPage<RestChart['appointments'][number]>(api, `/api/v1/appointments?patientId=${patientId}`, accessToken);
  const records: RestChart['records'] = [];
  for (const appointment of appointments) {
    const response = await api.http().get(`/api/v1/appointments/${appointment.id}/record`).set(bearer(accessToken));
    if (response.status === 200) records.push(response.body);
    else assert.equal(response.status, 404, response.text);
  }
  const prescriptions = new Map<string, { id: string }[]>();
  for (const record of records) prescriptions.set(record.id, await everyPage(api, `/api/v1/records/${record.id}/prescriptions`, accessToken));
  return {
    chart,
    appointments,
    vitalSigns: await everyPage(api, `/api/v1/patients/${patientId}/vitals`, accessToken),
    allergies: await everyPage(api, `/api/v1/patients/${patientId}/allergies`, accessToken),
    conditions: await everyPage(api, `/api/v1/patients/${patientId}/conditions`, accessToken),
    records,
    prescriptions,
  };
}
