// The scale seed's charts: allergies and conditions for some patients, and past visits (with
// signed notes, vital signs, symptoms and a prescription) for one patient in fifty and a long
// history for patient 1. One chunk of patients at a time, in the chunk's transaction.
import { ALLERGENS } from '../catalogue/allergies.js';
import { CHRONIC_CONDITIONS } from '../catalogue/conditions.js';
import { ADULTS } from '../catalogue/visit-scenario.js';
import { VISIT_SCENARIOS } from '../catalogue/visits.js';
import { VISITING } from './patients-sql.js';
import { draw, scaleId } from './scale-sql.js';

/** Patient 1's visits: one every weekday for 400 weekdays, the chart benchmark's long history. */
export const LONG_HISTORY_VISITS = 400;

/** Adult visits that manage no chronic condition and prescribe no weight-based dose. */
function visitTemplates(): object[] {
  return VISIT_SCENARIOS.filter(
    (scenario) => scenario.condition === undefined && scenario.ages.some((age) => ADULTS.includes(age)) && !scenario.prescriptions[0]?.weightBasedDose,
  ).map((scenario) => ({
    reason: scenario.reason,
    visitType: scenario.visitTypes[0],
    chiefComplaint: scenario.chiefComplaint,
    history: scenario.history.replaceAll('{patient}', 'Adult patient').replaceAll('{duration}', scenario.symptoms[0]?.durations[0] ?? 'a few days'),
    exam: scenario.exam,
    diagnosis: scenario.diagnosis,
    diagnosisNotes: scenario.diagnosisNotes[0] ?? null,
    plan: scenario.plan,
    followUp: scenario.followUp,
    education: scenario.education,
    symptoms: scenario.symptoms.slice(0, 2).map((symptom) => ({ ...symptom, duration: symptom.durations[0] ?? null })),
    prescription: scenario.prescriptions[0],
  }));
}

const allergyList = () =>
  JSON.stringify(
    ALLERGENS.map((entry) => ({ allergen: entry.allergen, reaction: entry.reactions[0]![0], severity: entry.reactions[0]![1], drugFree: entry.avoidMedications.length === 0 })),
  );
const conditionList = () => JSON.stringify(CHRONIC_CONDITIONS.map((entry) => ({ name: entry.name, status: entry.statuses[0]![0], note: entry.notes[0] ?? null })));

const CLINICIANS = '$3::uuid[]';
const TEMPLATES = '$4::jsonb';
const ALLERGY_LIST = '$3::jsonb';
const CONDITION_LIST = '$3::jsonb';

// A visit's slot decides its clinician and time, so no clinician ever has two visits at once: the
// slot number runs through (clinician, weekday, half hour), backwards in time from the week before
// the development seed's first week (Monday 10 February 2025), 08:00–12:00 and 13:00–17:00.
const slot = `CASE WHEN g = 1 THEN v * 64 ELSE 30000 + (g / 50) * 6 + v END`;
const startsAt = `date '2025-02-10' - ((s / 4 / 16 / 5 + 1) * 7)::int + ((s / 4 / 16) % 5)::int
    + make_interval(mins => (480 + ((s / 4) % 16) * 30 + CASE WHEN (s / 4) % 16 >= 8 THEN 60 ELSE 0 END)::int)`;

/** The chunk's visits, in a temporary table the statements below read. */
const SCALE_VISITS_TABLE_SQL = `
CREATE TEMPORARY TABLE "scale_visits" (g bigint, v int, s bigint, "startsAt" timestamp, "clinicianId" uuid, status text, visit jsonb, k bigint)
  ON COMMIT DROP`;

const SCALE_VISITS_SQL = `
INSERT INTO "scale_visits"
SELECT g, v, s, ${startsAt} AS "startsAt", (${CLINICIANS})[1 + s % 4] AS "clinicianId",
       CASE WHEN ${draw('k', 51)} % 100 < 85 THEN 'completed' WHEN ${draw('k', 51)} % 100 < 92 THEN 'no_show' ELSE 'cancelled' END AS status,
       ${TEMPLATES} -> (${draw('k', 52)} % jsonb_array_length(${TEMPLATES}))::int AS visit, k
FROM (
  SELECT g, v, ${slot} AS s, g * 1000 + v AS k
  FROM generate_series($1::bigint, $2::bigint) AS g
  CROSS JOIN LATERAL generate_series(0, CASE WHEN g = 1 THEN ${LONG_HISTORY_VISITS - 1} WHEN g % 50 = 7 THEN ${draw('g', 50)} % 6 ELSE -1 END) AS v
  WHERE ${VISITING('g')}
) AS visits`;

const SCALE_APPOINTMENTS_SQL = `
INSERT INTO "appointments" ("id", "patientId", "providerId", "appointmentDate", "appointmentType", "reasonForVisit",
    "durationMinutes", "status", "createdAt", "updatedAt")
SELECT ${scaleId('appointment', 'g', 'v')}, ${scaleId('patient', 'g')}, "clinicianId", "startsAt",
       (visit ->> 'visitType')::"AppointmentType", visit ->> 'reason', 30, status::"AppointmentStatus",
       "startsAt" - interval '7 days', "startsAt" + interval '30 minutes'
FROM "scale_visits"`;

// Notes are written as drafts first: the database refuses symptoms and prescriptions under a
// signed note, so signing comes last (SCALE_SIGNING_SQL).
const SCALE_RECORDS_SQL = `
INSERT INTO "medical_records" ("id", "appointmentId", "chiefComplaint", "historyOfPresentIllness", "physicalExamNotes", "diagnosis",
    "diagnosisNotes", "treatmentPlan", "followUpInstructions", "patientEducation", "isAIGenerated", "isDraft", "createdAt", "updatedAt")
SELECT ${scaleId('record', 'g', 'v')}, ${scaleId('appointment', 'g', 'v')}, visit ->> 'chiefComplaint', visit ->> 'history', visit ->> 'exam',
       visit ->> 'diagnosis', visit ->> 'diagnosisNotes', visit ->> 'plan', visit ->> 'followUp', visit ->> 'education',
       ${draw('k', 53)} % 5 = 0, true, "startsAt" + interval '20 minutes', "startsAt" + interval '30 minutes'
FROM "scale_visits" WHERE status = 'completed'`;

// Height is the patient's own; weight varies a little around the patient's usual one.
const SCALE_VITALS_SQL = `
INSERT INTO "vital_signs" ("id", "appointmentId", "bloodPressureSystolic", "bloodPressureDiastolic", "heartRate", "temperature",
    "respiratoryRate", "oxygenSaturation", "weight", "height", "bmi", "painLevel", "recordedAt")
SELECT ${scaleId('vitals', 'g', 'v')}, ${scaleId('appointment', 'g', 'v')}, 104 + ${draw('k', 54)} % 44, 64 + ${draw('k', 55)} % 28,
       58 + ${draw('k', 56)} % 40, 36.3 + (${draw('k', 57)} % 14) / 10.0, 12 + ${draw('k', 58)} % 8, 95 + ${draw('k', 59)} % 6,
       weight, height, round(weight / ((height / 100) ^ 2), 1), ${draw('k', 60)} % 4, "startsAt" + interval '5 minutes'
FROM (
  SELECT *, round((150 + ${draw('g', 61)} % 45)::numeric, 2) AS height,
         round((52 + ${draw('g', 62)} % 48 + (${draw('k', 63)} % 40) / 10.0)::numeric, 2) AS weight
  FROM "scale_visits" WHERE status = 'completed'
) AS measured`;

// The first symptom of the visit is always charted, the second one visit in two.
const SCALE_SYMPTOMS_SQL = `
INSERT INTO "symptoms" ("id", "medicalRecordId", "symptomName", "bodySite", "severity", "duration", "createdAt")
SELECT ${scaleId('symptom', 'g', 'v', 'n')}, ${scaleId('record', 'g', 'v')}, symptom ->> 'name', symptom ->> 'bodySite',
       (symptom -> 'severity' ->> 0)::int + ${draw('k', 64)} % ((symptom -> 'severity' ->> 1)::int - (symptom -> 'severity' ->> 0)::int + 1),
       symptom ->> 'duration', "startsAt" + interval '25 minutes'
FROM "scale_visits" CROSS JOIN LATERAL jsonb_array_elements(visit -> 'symptoms') WITH ORDINALITY AS listed(symptom, n)
WHERE status = 'completed' AND (n = 1 OR ${draw('k', 65)} % 2 = 0)`;

const SCALE_PRESCRIPTIONS_SQL = `
INSERT INTO "prescriptions" ("id", "medicalRecordId", "medicationName", "strength", "dosage", "frequency", "duration", "quantity",
    "refills", "instructions", "indication", "createdAt")
SELECT ${scaleId('prescription', 'g', 'v')}, ${scaleId('record', 'g', 'v')}, p ->> 'medicationName', p ->> 'strength', p ->> 'dosage',
       p ->> 'frequency', p ->> 'duration', (p ->> 'quantity')::int, (p ->> 'refills')::int, p ->> 'instructions', p ->> 'indication',
       "startsAt" + interval '28 minutes'
FROM (SELECT *, visit -> 'prescription' AS p FROM "scale_visits" WHERE status = 'completed') AS prescribed`;

const SCALE_SIGNING_SQL = `
UPDATE "medical_records" AS m
SET "isDraft" = false, "signedAt" = visits."startsAt" + interval '40 minutes', "signedById" = visits."clinicianId",
    "updatedAt" = visits."startsAt" + interval '40 minutes'
FROM "scale_visits" AS visits
WHERE visits.status = 'completed' AND m."id" = ${scaleId('record', 'visits.g', 'visits.v')}`;

// One patient in twenty has an allergy (any of the catalogue's: none of them has visits), patient 1
// three that no prescription touches (latex, foods, pollen…).
const SCALE_ALLERGIES_SQL = `
INSERT INTO "allergies" ("id", "patientId", "allergen", "reaction", "severity", "createdAt")
SELECT ${scaleId('allergy', 'g', 'n')}, ${scaleId('patient', 'g')}, a ->> 'allergen', a ->> 'reaction', (a ->> 'severity')::"AllergySeverity",
       '2016-01-01'::timestamp + (${draw('g', 70)} % 3000) * interval '1 day'
FROM (
  SELECT g, n, CASE WHEN g = 1 THEN safe -> (n - 1) ELSE ${ALLERGY_LIST} -> (${draw('g', 71)} % jsonb_array_length(${ALLERGY_LIST}))::int END AS a
  FROM generate_series($1::bigint, $2::bigint) AS g
  CROSS JOIN (SELECT jsonb_agg(entry) AS safe FROM jsonb_array_elements(${ALLERGY_LIST}) AS entry WHERE (entry ->> 'drugFree')::boolean) AS drug_free
  CROSS JOIN LATERAL generate_series(1, CASE WHEN g = 1 THEN 3 WHEN g % 20 = 3 THEN 1 ELSE 0 END) AS n
) AS allergic`;

const SCALE_CONDITIONS_SQL = `
INSERT INTO "chronic_conditions" ("id", "patientId", "conditionName", "diagnosisDate", "status", "notes", "createdAt")
SELECT ${scaleId('condition', 'g', 'n')}, ${scaleId('patient', 'g')}, c ->> 'name', date '2012-01-01' + (${draw('g', 72)} % 4000)::int,
       c ->> 'status', c ->> 'note', '2016-01-01'::timestamp + (${draw('g', 73)} % 3000) * interval '1 day'
FROM (
  SELECT g, n, ${CONDITION_LIST} -> ((${draw('g', 74)} + n) % jsonb_array_length(${CONDITION_LIST}))::int AS c
  FROM generate_series($1::bigint, $2::bigint) AS g
  CROSS JOIN LATERAL generate_series(1, CASE WHEN g = 1 THEN 3 WHEN g % 12 = 5 THEN 1 ELSE 0 END) AS n
) AS charted`;

export interface ChunkStatement {
  sql: string;
  values: unknown[];
}

/** The history of patients first…last, in the order the statements must run in the chunk's transaction. */
export function scaleHistoryStatements(first: number, last: number, clinicianIds: readonly string[]): ChunkStatement[] {
  const bounds = [first, last];
  const fromVisits = (sql: string) => ({ sql, values: [] });
  return [
    // A transaction may hold several chunks (the indexes rebuilt at the end): one table per chunk.
    { sql: 'DROP TABLE IF EXISTS pg_temp."scale_visits"', values: [] },
    { sql: SCALE_VISITS_TABLE_SQL, values: [] },
    { sql: SCALE_VISITS_SQL, values: [...bounds, [...clinicianIds], JSON.stringify(visitTemplates())] },
    ...[SCALE_APPOINTMENTS_SQL, SCALE_RECORDS_SQL, SCALE_VITALS_SQL, SCALE_SYMPTOMS_SQL, SCALE_PRESCRIPTIONS_SQL, SCALE_SIGNING_SQL].map(fromVisits),
    { sql: SCALE_ALLERGIES_SQL, values: [...bounds, allergyList()] },
    { sql: SCALE_CONDITIONS_SQL, values: [...bounds, conditionList()] },
  ];
}
