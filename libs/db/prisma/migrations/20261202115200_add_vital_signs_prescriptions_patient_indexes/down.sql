-- Reverses 20261202115200_add_vital_signs_prescriptions_patient_indexes. No data is lost; the
-- chart of that release reads through them: roll the API back first. Statement by statement
-- (CONCURRENTLY): IF EXISTS lets a second run finish what a failed one started.

DROP INDEX CONCURRENTLY IF EXISTS "prescriptions_patientId_createdAt_id_idx";

DROP INDEX CONCURRENTLY IF EXISTS "vital_signs_patientId_recordedAt_id_idx";
