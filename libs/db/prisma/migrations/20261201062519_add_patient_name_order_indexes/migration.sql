-- The btrees patient search reads patients through, once it knows which names match (migration
-- 20261201062442_create_patient_search_names says why and how):
--   patients_name_order_idx   (lastName, firstName, id, archivedAt): the order of every patient
--       list. One last name is a contiguous run of it; with id a key, a keyset cursor is an index
--       condition; archivedAt (after the unique id, so it changes no order) lets a walk skip
--       archived patients without reading the table: an index-only scan, once VACUUM has marked
--       the pages all-visible. (An INCLUDE column would do the same, but schema.prisma cannot
--       declare one, and the drift check would then want the index rebuilt without it.)
--   patients_first_name_idx   (firstName, lastName, id, archivedAt): gathers the patients of a
--       few first names without touching the rest, also index-only.
--   patients_dateOfBirth_idx  a search with a date of birth starts from the date: about thirty
--       patients per date in a million, whatever the name.
-- Together they replace patients_lastName_firstName_idx and the trigram index over full names
-- (migration 20261201062531_remove_patient_name_search_indexes drops those).
--
-- CONCURRENTLY keeps patients writable while the indexes build (about ten seconds each at a
-- million rows), so this file runs statement by statement, outside a transaction. If it fails
-- part-way, drop any index that `\d patients` marks INVALID, then `prisma migrate resolve
-- --rolled-back` and deploy again: IF NOT EXISTS skips what was already built.

CREATE INDEX CONCURRENTLY IF NOT EXISTS "patients_name_order_idx"
    ON "patients" ("lastName", "firstName", "id", "archivedAt");

CREATE INDEX CONCURRENTLY IF NOT EXISTS "patients_first_name_idx"
    ON "patients" ("firstName", "lastName", "id", "archivedAt");

CREATE INDEX CONCURRENTLY IF NOT EXISTS "patients_dateOfBirth_idx"
    ON "patients" ("dateOfBirth");
