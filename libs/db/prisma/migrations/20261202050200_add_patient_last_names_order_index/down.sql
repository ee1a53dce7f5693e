-- Reverses 20261202050200_add_patient_last_names_order_index. No data is lost; the search finds
-- the first last names of a common word through its bigram or trigram index instead, slower.
-- Statement by statement (CONCURRENTLY): IF EXISTS lets a second run finish what a failed one started.

DROP INDEX CONCURRENTLY IF EXISTS "patient_last_names_name_folded_idx";
