-- Reverses 20261201062442_create_patient_search_names. No patient data is lost: the tables only
-- repeat names the patients table holds. The search code of that migration needs them:
-- roll the API back first.

DROP TRIGGER IF EXISTS "patients_search_names_after_update" ON "patients";

DROP TRIGGER IF EXISTS "patients_search_names_after_insert" ON "patients";

DROP FUNCTION IF EXISTS "remember_patient_search_names"();

DROP TABLE IF EXISTS "patient_first_names";

DROP TABLE IF EXISTS "patient_last_names";

DROP FUNCTION IF EXISTS search_bigrams(text);
