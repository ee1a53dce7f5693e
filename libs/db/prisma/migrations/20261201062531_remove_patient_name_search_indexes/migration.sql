-- Drops the two indexes patient search no longer reads (migrations
-- 20261201062442_create_patient_search_names and 20261201062519_add_patient_name_order_indexes):
--   patients_name_search_idx          the trigram index over fold_for_search(firstName || ' ' ||
--       lastName): the search finds matching names in patient_last_names and patient_first_names
--       instead. Kept, it would cost every registration and rename an unaccent of the full name
--       and a GIN update.
--   patients_lastName_firstName_idx   patients_name_order_idx has the same leading columns and
--       serves every query this one served.
-- An API of the previous release still running during the deploy answers its searches without
-- them: the same answers, by the plans that were already slow at scale.
--
-- CONCURRENTLY takes no lock that blocks reads or writes of patients, so this file runs
-- statement by statement; IF EXISTS lets a second run finish what a failed one started.

DROP INDEX CONCURRENTLY IF EXISTS "patients_name_search_idx";

DROP INDEX CONCURRENTLY IF EXISTS "patients_lastName_firstName_idx";
