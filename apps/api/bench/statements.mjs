// The statements the API sends for the benchmark's cases, as PostgreSQL's statement log showed
// them (log_statement = all) on the 1M-patient database: the bare server sends the same ones, so
// the two differ only in what happens inside the Node process. Patient search is not here: the
// bare server runs the API's own search code (dist/patients/patient-search.query.js).

const PATIENT_COLUMNS = `"public"."patients"."id", "public"."patients"."firstName", "public"."patients"."lastName", "public"."patients"."dateOfBirth", "public"."patients"."sex"::text, "public"."patients"."phone", "public"."patients"."email", "public"."patients"."address", "public"."patients"."emergencyContactName", "public"."patients"."emergencyContactPhone", "public"."patients"."emergencyContactRelationship", "public"."patients"."archivedAt", "public"."patients"."createdAt", "public"."patients"."updatedAt"`;

export const INSERT_AUDIT_EVENT = `INSERT INTO "public"."audit_events" ("actorId","action","resourceType","resourceId","patientId","patientIds","clientAddress","userAgent","requestId","outcome") VALUES ($1,CAST($2::text AS "public"."AuditAction"),$3,$4,$5,$6,$7,$8,$9,CAST($10::text AS "public"."AuditOutcome")) RETURNING "public"."audit_events"."id"`;

export const CREATE_PATIENT = `INSERT INTO "public"."patients" ("firstName","lastName","dateOfBirth","sex","phone","email","address","emergencyContactName","emergencyContactPhone","emergencyContactRelationship","createdAt","updatedAt") VALUES ($1,$2,$3,CAST($4::text AS "public"."Sex"),$5,$6,$7,$8,$9,$10,$11,$12) RETURNING ${PATIENT_COLUMNS}`;

export const PROVIDER_DAY = `SELECT "public"."appointments"."id", "public"."appointments"."patientId", "public"."appointments"."providerId", "public"."appointments"."appointmentDate", "public"."appointments"."appointmentType"::text, "public"."appointments"."reasonForVisit", "public"."appointments"."durationMinutes", "public"."appointments"."status"::text, "public"."appointments"."createdAt", "public"."appointments"."updatedAt" FROM "public"."appointments" WHERE ("public"."appointments"."providerId" = $1 AND "public"."appointments"."appointmentDate" >= $2 AND "public"."appointments"."appointmentDate" < $3) ORDER BY "public"."appointments"."appointmentDate" ASC, "public"."appointments"."id" ASC LIMIT $4 OFFSET $5`;

// The read and the chart: each one statement that selects and, in the same statement, writes the
// audit event (a data-modifying CTE; apps/api/src/audit/audit.repository.ts).

/** The event's part of such a statement: its ten values are $<first> … $<first + 9>. */
const recordedFrom = (first) => {
  const [actor, action, type, resource, patient, patients, address, agent, request, outcome] = Array.from({ length: 10 }, (_, index) => `$${first + index}`);
  return `  "recorded" AS (
  INSERT INTO "audit_events" ("actorId", "action", "resourceType", "resourceId", "patientId", "patientIds", "clientAddress", "userAgent", "requestId", "outcome")
  SELECT ${actor}::uuid, ${action}::"AuditAction", ${type}, ${resource}::uuid, ${patient}::uuid,
  ${patients}::uuid[], ${address}, ${agent}, ${request},
  (CASE WHEN "parts"."patient" IS NULL THEN 'failed' ELSE ${outcome} END)::"AuditOutcome"
  FROM "parts")
  SELECT * FROM "parts"`;
};

// Read: $1 the patient's id, then the event's ($2 actor … $11 outcome).
export const READ_PATIENT_RECORDED = `
  WITH "parts" AS MATERIALIZED (SELECT (SELECT to_jsonb(p) FROM "patients" p WHERE p."id" = $1::uuid) AS "patient"),
${recordedFrom(2)}`;

// Chart: $1–$11 the parts (patient id, ['active'], 10 visits, the prescriptions' since), then the
// event's ($12 actor … $21 outcome).
export const CHART_RECORDED = `
  WITH "parts" AS MATERIALIZED (SELECT (SELECT to_jsonb(p) FROM "patients" p WHERE p."id" = $1::uuid) AS "patient",(SELECT coalesce(jsonb_agg(to_jsonb(e) ORDER BY e."createdAt",e."id"), '[]'::jsonb)
  FROM "allergies" e WHERE e."patientId" = $2::uuid) AS "allergies",(SELECT coalesce(jsonb_agg(to_jsonb(e) ORDER BY e."createdAt",e."id"), '[]'::jsonb)
  FROM "chronic_conditions" e WHERE e."patientId" = $3::uuid AND e."status" = ANY($4::text[])) AS "activeConditions",(SELECT coalesce(jsonb_agg(to_jsonb(a) ORDER BY a."appointmentDate" DESC, a."id" DESC), '[]'::jsonb)
  FROM (SELECT * FROM "appointments" WHERE "patientId" = $5::uuid ORDER BY "appointmentDate" DESC, "id" DESC LIMIT $6) a) AS "recentVisits",(SELECT coalesce(jsonb_agg(jsonb_build_object('id', r."id", 'appointmentId', r."appointmentId", 'isDraft', r."isDraft",
  'signedAt', r."signedAt", 'chiefComplaint', r."chiefComplaint", 'diagnosis', r."diagnosis")), '[]'::jsonb)
  FROM "medical_records" r WHERE r."appointmentId" = ANY(ARRAY(SELECT "id" FROM "appointments" WHERE "patientId" = $7::uuid ORDER BY "appointmentDate" DESC, "id" DESC LIMIT $8))) AS "recentRecords",(SELECT to_jsonb(v) FROM "vital_signs" v WHERE v."id" = (SELECT latest."id" FROM "vital_signs" latest
  WHERE latest."patientId" = $9::uuid ORDER BY latest."recordedAt" DESC, latest."id" DESC LIMIT 1)) AS "latestVitals",(SELECT coalesce(jsonb_agg(to_jsonb(p) ORDER BY p."createdAt" DESC, p."id" DESC), '[]'::jsonb)
  FROM "prescriptions" p WHERE p."patientId" = $10::uuid AND p."reviewStatus" = 'accepted'
  AND p."createdAt" >= ($11::timestamptz AT TIME ZONE 'UTC')) AS "recentPrescriptions"),
${recordedFrom(12)}`;
