-- The btrees a patient's chart reads its history through (GET /patients/{id}/chart, one
-- statement: apps/api/src/chart/chart.service.ts). The chart of a long history (400 visits)
-- asks, for every visit, for its vital signs and its record, and for every record its
-- prescriptions: about a thousand index probes. With these, each probe is answered from the
-- index alone (index-only, once VACUUM has marked the pages all-visible) and the table is read
-- only for the rows the chart shows: on 1M patients the chart's statement went from 5.8 to
-- 2.2 ms (p50, one client; docs/performance.md).
--   appointments_patientId_appointmentDate_id_idx     a patient's visits in date order: the
--       last ten are the first ten entries read backwards. Without it the planner walked the
--       whole appointments_appointmentDate_idx backwards testing each visit's patient, which is
--       quick only while the patient's last visit is recent.
--   vital_signs_appointmentId_recordedAt_id_idx       which set of a visit is the latest,
--       without reading the sets.
--   medical_records_appointmentId_id_idx              a visit's record id, without the record.
--   prescriptions_medicalRecordId_createdAt_idx       a record's prescriptions of the last 90
--       days: the older ones are passed over in the index.
-- They cover the existing appointments_patientId_idx and prescriptions_medicalRecordId_idx as
-- prefixes; those stay (other reads and the foreign keys' deletes use them, and dropping an
-- index is a change of its own).
--
-- CONCURRENTLY keeps the tables writable while the indexes build, so this file runs statement
-- by statement, outside a transaction. If it fails part-way, drop any index that `\d <table>`
-- marks INVALID, then `prisma migrate resolve --rolled-back` and deploy again: IF NOT EXISTS
-- skips what was already built.

CREATE INDEX CONCURRENTLY IF NOT EXISTS "appointments_patientId_appointmentDate_id_idx"
    ON "appointments" ("patientId", "appointmentDate", "id");

CREATE INDEX CONCURRENTLY IF NOT EXISTS "vital_signs_appointmentId_recordedAt_id_idx"
    ON "vital_signs" ("appointmentId", "recordedAt", "id");

CREATE INDEX CONCURRENTLY IF NOT EXISTS "medical_records_appointmentId_id_idx"
    ON "medical_records" ("appointmentId", "id");

CREATE INDEX CONCURRENTLY IF NOT EXISTS "prescriptions_medicalRecordId_createdAt_idx"
    ON "prescriptions" ("medicalRecordId", "createdAt");
