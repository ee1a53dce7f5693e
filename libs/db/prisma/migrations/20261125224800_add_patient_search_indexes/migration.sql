-- Indexes for patient search (GET /api/v1/patients). Each one serves one filter, with the very
-- expression PatientsRepository.search writes, so the planner can match them:
--   q      every word must occur in "firstName lastName", compared lower-case and without
--          accents ("Hélène" = "helene"): a trigram GIN index answers LIKE '%word%'.
--   phone  digits only on both sides, so "(555) 010-0199" finds "555.010.0199".
--   email  exact but case-insensitive.
-- The expressions are beyond what schema.prisma can declare; Prisma's migrate diff leaves such
-- indexes alone (checked: the drift check stays clean), so they live here only.
--
-- CONCURRENTLY keeps the patients table writable while the indexes build, which means this file
-- runs statement by statement, outside a transaction. If it fails part-way, drop any index that
-- `\d patients` marks INVALID, then `prisma migrate resolve --rolled-back` and deploy again: the
-- IF NOT EXISTS clauses skip what was already built.

CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE EXTENSION IF NOT EXISTS unaccent;

-- unaccent() is only STABLE (it reads a dictionary found through search_path), and an index
-- expression must be IMMUTABLE. Naming the dictionary and the function by schema makes the
-- result depend on nothing else, which is what lets this wrapper promise immutability; it must
-- then never change behaviour without the indexes over it being rebuilt.
CREATE OR REPLACE FUNCTION fold_for_search(value text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, value)) $$;

CREATE INDEX CONCURRENTLY IF NOT EXISTS "patients_name_search_idx"
    ON "patients" USING gin (fold_for_search("firstName" || ' ' || "lastName") gin_trgm_ops);

CREATE INDEX CONCURRENTLY IF NOT EXISTS "patients_phone_digits_idx"
    ON "patients" (regexp_replace("phone", '\D', '', 'g'));

CREATE INDEX CONCURRENTLY IF NOT EXISTS "patients_email_lower_idx"
    ON "patients" (lower("email"));
