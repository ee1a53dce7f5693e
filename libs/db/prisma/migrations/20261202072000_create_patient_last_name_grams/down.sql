-- Reverses 20261202072000_create_patient_last_name_grams. No patient data is lost: the table only
-- repeats pieces of the names patient_last_names holds. The search code of that migration reads
-- it: roll the API back first.

DROP TRIGGER IF EXISTS "patient_last_names_grams_after_insert" ON "patient_last_names";

DROP FUNCTION IF EXISTS "remember_patient_last_name_grams"();

DROP TABLE IF EXISTS "patient_last_name_grams";

DROP FUNCTION IF EXISTS search_grams(text);
