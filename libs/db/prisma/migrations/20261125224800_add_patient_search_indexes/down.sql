-- Reverses 20261125224800_add_patient_search_indexes. No data is lost: patient search still
-- answers the same, only slower (sequential scans). The extensions go only if nothing else
-- uses them by then; DROP EXTENSION refuses while another object depends on one, and then this
-- script stops: drop or keep the dependants deliberately.

DROP INDEX CONCURRENTLY IF EXISTS "patients_email_lower_idx";

DROP INDEX CONCURRENTLY IF EXISTS "patients_phone_digits_idx";

DROP INDEX CONCURRENTLY IF EXISTS "patients_name_search_idx";

DROP FUNCTION IF EXISTS fold_for_search(text);

DROP EXTENSION IF EXISTS unaccent;

DROP EXTENSION IF EXISTS pg_trgm;
