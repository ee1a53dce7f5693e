-- Reverses 20261202050100_add_patient_search_name_counts: the counts go, the triggers keep the
-- names only, as 20261201062442_create_patient_search_names made them. No patient data is lost.
-- The search code of this migration reads the counts: roll the API back first.

DROP TRIGGER IF EXISTS "patients_search_names_after_delete" ON "patients";

DROP TRIGGER IF EXISTS "patients_search_names_after_update" ON "patients";

CREATE OR REPLACE FUNCTION "remember_patient_search_names"() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "patient_last_names" ("name", "folded")
    SELECT named."lastName", fold_for_search(named."lastName")
    FROM (SELECT DISTINCT "lastName" FROM "changed_patients") AS named
    WHERE NOT EXISTS (SELECT 1 FROM "patient_last_names" AS known WHERE known."name" = named."lastName")
    ON CONFLICT DO NOTHING;
    INSERT INTO "patient_first_names" ("name", "folded")
    SELECT named."firstName", fold_for_search(named."firstName")
    FROM (SELECT DISTINCT "firstName" FROM "changed_patients") AS named
    WHERE NOT EXISTS (SELECT 1 FROM "patient_first_names" AS known WHERE known."name" = named."firstName")
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "patients_search_names_after_update"
    AFTER UPDATE ON "patients" REFERENCING NEW TABLE AS "changed_patients"
    FOR EACH STATEMENT EXECUTE FUNCTION "remember_patient_search_names"();

ALTER TABLE "patient_first_names" DROP COLUMN IF EXISTS "patients";

ALTER TABLE "patient_last_names" DROP COLUMN IF EXISTS "patients";
