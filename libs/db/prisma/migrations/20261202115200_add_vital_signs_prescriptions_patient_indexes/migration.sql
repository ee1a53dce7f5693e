-- The btrees the chart reads a patient's vital signs and recent prescriptions through, by the
-- column 20261202115000 added (it says why):
--   vital_signs_patientId_recordedAt_id_idx       the latest set is the last entry of the
--       patient's run: one descent, instead of a probe per visit.
--   prescriptions_patientId_createdAt_id_idx      the prescriptions of the last 90 days are the
--       end of the patient's run, newest first.
--
-- CONCURRENTLY keeps the tables writable while the indexes build, so this file runs statement
-- by statement, outside a transaction. If it fails part-way, drop any index that `\d <table>`
-- marks INVALID, then `prisma migrate resolve --rolled-back` and deploy again: IF NOT EXISTS
-- skips what was already built.

CREATE INDEX CONCURRENTLY IF NOT EXISTS "vital_signs_patientId_recordedAt_id_idx"
    ON "vital_signs" ("patientId", "recordedAt", "id");

CREATE INDEX CONCURRENTLY IF NOT EXISTS "prescriptions_patientId_createdAt_id_idx"
    ON "prescriptions" ("patientId", "createdAt", "id");
