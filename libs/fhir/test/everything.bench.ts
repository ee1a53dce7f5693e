// Benchmark, not a test: what $everything costs in this library (mapping, ordering, the Bundle,
// and serialising it) for a patient with 200 signed visits, so that the API's budget for the
// whole request (300 ms) can be split between its queries and this. Prints figures.
//   npx nx run fhir:bench
import { performance } from 'node:perf_hooks';
import { fhirContext, parseEverything, type PatientChartSource, patientEverything } from '../src/index.js';
import * as fixture from './fixtures.js';

const VISITS = 200;
const RUNS = 30;

function chartWithVisits(visits: number): PatientChartSource {
  const base = fixture.chart;
  const start = Date.parse('2020-01-06T09:00:00.000Z');
  const appointments = Array.from({ length: visits }, (_, index) => ({
    ...fixture.appointments[0],
    id: fixture.uuid(),
    appointmentDate: new Date(start + index * 7 * 86_400_000),
    status: 'completed' as const,
  }));
  const vitalSigns = appointments.map((visit) => ({ ...fixture.vitalSigns[0], id: fixture.uuid(), appointmentId: visit.id }));
  const signedRecords = appointments.map((visit, index) => ({
    ...fixture.signedRecords[0],
    id: fixture.uuid(),
    appointmentId: visit.id,
    signedAt: new Date(visit.appointmentDate.getTime() + 3_600_000),
    amendments: index % 10 === 0 ? fixture.signedRecords[0].amendments.map((amendment) => ({ ...amendment, id: fixture.uuid() })) : [],
  }));
  const prescriptions = signedRecords.flatMap((record) => fixture.prescriptions.slice(0, 2).map((prescription) => ({ ...prescription, id: fixture.uuid(), medicalRecordId: record.id })));
  return { ...base, appointments, vitalSigns, signedRecords, prescriptions };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Wall time, and the process's CPU time, which a machine shared with other work disturbs less. */
function measure(label: string, run: () => unknown): void {
  for (let warmup = 0; warmup < 5; warmup += 1) run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let index = 0; index < RUNS; index += 1) {
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    run();
    wall.push(performance.now() - started);
    const used = process.cpuUsage(cpuBefore);
    cpu.push((used.user + used.system) / 1000);
  }
  const ms = (value: number) => `${value.toFixed(1).padStart(6)} ms`;
  console.log(`${label.padEnd(46)} wall median ${ms(median(wall))}, max ${ms(Math.max(...wall))}; CPU median ${ms(median(cpu))}`);
}

const chart = chartWithVisits(VISITS);
const clinician = fhirContext(fixture.BASE_URL, { withNotes: true });
const staff = fhirContext(fixture.BASE_URL, { withNotes: false });
const whole = parseEverything(chart.patient.id, '');
const firstPage = parseEverything(chart.patient.id, '_count=200');
const bundle = patientEverything(chart, whole, clinician);
const json = JSON.stringify(bundle);

console.log(`$everything of a patient with ${VISITS} signed visits: ${bundle.total} resources, ${(Buffer.byteLength(json) / 1024 / 1024).toFixed(2)} MiB of JSON; ${RUNS} runs each`);
measure('map and bundle, with notes', () => patientEverything(chart, whole, clinician));
measure('map and bundle, without notes (staff)', () => patientEverything(chart, whole, staff));
measure('map and bundle, first page of 200', () => patientEverything(chart, firstPage, clinician));
measure('JSON.stringify of the whole Bundle', () => JSON.stringify(bundle));
measure('map, bundle and JSON.stringify, with notes', () => JSON.stringify(patientEverything(chart, whole, clinician)));
