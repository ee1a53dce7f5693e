-- Reverses 20261201062519_add_patient_name_order_indexes. No data is lost; patient search
-- answers the same, slower. Statement by statement (CONCURRENTLY): IF EXISTS lets a second run
-- finish what a failed one started.

DROP INDEX CONCURRENTLY IF EXISTS "patients_dateOfBirth_idx";

DROP INDEX CONCURRENTLY IF EXISTS "patients_first_name_idx";

DROP INDEX CONCURRENTLY IF EXISTS "patients_name_order_idx";
