-- Reverses 20261202050000_add_chart_history_indexes. No data is lost; the chart answers the
-- same, slower. Statement by statement (CONCURRENTLY): IF EXISTS lets a second run finish what
-- a failed one started.

DROP INDEX CONCURRENTLY IF EXISTS "prescriptions_medicalRecordId_createdAt_idx";

DROP INDEX CONCURRENTLY IF EXISTS "medical_records_appointmentId_id_idx";

DROP INDEX CONCURRENTLY IF EXISTS "vital_signs_appointmentId_recordedAt_id_idx";

DROP INDEX CONCURRENTLY IF EXISTS "appointments_patientId_appointmentDate_id_idx";
