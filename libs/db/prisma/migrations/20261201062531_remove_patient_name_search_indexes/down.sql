-- Reverses the removal: rebuilds both indexes as migrations 20240215120000_initial_schema and
-- 20261125224800_add_patient_search_indexes created them. No data involved; at a million
-- patients the trigram index takes a minute or so to build (concurrently: patients stays writable).

CREATE INDEX CONCURRENTLY IF NOT EXISTS "patients_lastName_firstName_idx" ON "patients" ("lastName", "firstName");

CREATE INDEX CONCURRENTLY IF NOT EXISTS "patients_name_search_idx"
    ON "patients" USING gin (fold_for_search("firstName" || ' ' || "lastName") gin_trgm_ops);
