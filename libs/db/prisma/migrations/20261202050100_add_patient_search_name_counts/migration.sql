-- Patient search: how many patients carry each name, kept next to the name in patient_last_names
-- and patient_first_names, so that the search's first statement (apps/api/src/patients/
-- patient-search.names.ts) learns how many patients a word's names hold without reading patients.
--
-- Why. The search chooses, for each way of placing the words, how to read the patients: gather the
-- few carriers of the matching first names through patients_first_name_idx, or walk the name order
-- (migration 20261201062442_create_patient_search_names). To choose, it counted those carriers by
-- reading up to 3,001 entries of patients_first_name_idx for every word in a first name, on every
-- search of a full name, "Last, First" or a short word: on the 1M database that count was most of
-- the first statement (2 to 15 ms; more where VACUUM has not yet marked the pages all-visible and
-- each entry costs a heap visit), often to decide a plan it did not even use. Here it is a sum over
-- the names the statement reads anyway: no patient read at all. With the last names' count too,
-- the search can read a "Last, First" pair such as "Smith, Iné" from the side that holds fewer
-- patients (the few Inés) instead of walking every Smith.
--
-- A hint, not a fact. The count decides only how fast a page is found, never which patients are on
-- it (searchConditions, checked on every row, does that), so it is kept without ever waiting: the
-- triggers add a statement's new carriers of a name unless another transaction holds that name's
-- row (it is registering or renaming a patient of that name right now), and then skip it, as
-- registrations of two Smiths never waited for each other before. Skipped changes, and patients
-- written with triggers off, make a count drift; it only drifts by what was skipped, and running the
-- two backfill statements at the end of this file again makes every count exact. Counts of names
-- nobody carries any more fall to 0; the names stay (see 20261201062442 for why).
--
-- Cost. Registering a patient updates two small rows (a HOT update: "patients" is in no index);
-- a bulk import one row per distinct name, as the inserts of names already did. At 1,000,000
-- patients the backfill reads patients once (a few seconds), during which registrations and
-- updates of patients wait (CREATE TRIGGER's lock, to the end of this transaction); reads do not.

-- A constant default: PostgreSQL 15 adds the column without rewriting either table.
ALTER TABLE "patient_last_names" ADD COLUMN "patients" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "patient_first_names" ADD COLUMN "patients" INTEGER NOT NULL DEFAULT 0;

-- One function for the three triggers: the names a statement brings in count +1 per row
-- ("changed_patients"), the names it takes away -1 ("previous_patients", updates and deletes).
CREATE OR REPLACE FUNCTION "remember_patient_search_names"() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    last_names TEXT[];
    last_changes INTEGER[];
    first_names TEXT[];
    first_changes INTEGER[];
BEGIN
    -- Per name, how many carriers the statement added (negative: took away). An update that keeps
    -- the names changes nothing (0), and still records its names, as before, should one be missing.
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(carried.name), array_agg(carried.change) INTO last_names, last_changes
        FROM (SELECT "lastName" AS name, count(*)::int AS change FROM "changed_patients" GROUP BY 1) AS carried;
        SELECT array_agg(carried.name), array_agg(carried.change) INTO first_names, first_changes
        FROM (SELECT "firstName" AS name, count(*)::int AS change FROM "changed_patients" GROUP BY 1) AS carried;
    ELSIF TG_OP = 'UPDATE' THEN
        SELECT array_agg(carried.name), array_agg(carried.change) INTO last_names, last_changes
        FROM (SELECT name, sum(change)::int AS change FROM (
                  SELECT "lastName" AS name, 1 AS change FROM "changed_patients"
                  UNION ALL SELECT "lastName", -1 FROM "previous_patients") AS carriers GROUP BY 1) AS carried;
        SELECT array_agg(carried.name), array_agg(carried.change) INTO first_names, first_changes
        FROM (SELECT name, sum(change)::int AS change FROM (
                  SELECT "firstName" AS name, 1 AS change FROM "changed_patients"
                  UNION ALL SELECT "firstName", -1 FROM "previous_patients") AS carriers GROUP BY 1) AS carried;
    ELSE
        SELECT array_agg(carried.name), array_agg(carried.change) INTO last_names, last_changes
        FROM (SELECT "lastName" AS name, -count(*)::int AS change FROM "previous_patients" GROUP BY 1) AS carried;
        SELECT array_agg(carried.name), array_agg(carried.change) INTO first_names, first_changes
        FROM (SELECT "firstName" AS name, -count(*)::int AS change FROM "previous_patients" GROUP BY 1) AS carried;
    END IF;

    -- Names already known: their count changes, except those another transaction holds right now
    -- (SKIP LOCKED: never wait; the count is a hint).
    UPDATE "patient_last_names" AS known SET "patients" = greatest(known."patients" + changed.change, 0)
    FROM unnest(last_names, last_changes) AS changed(name, change)
    WHERE known."name" = changed.name AND changed.change <> 0
      AND known."name" IN (SELECT free."name" FROM "patient_last_names" AS free
                           WHERE free."name" = ANY (last_names) FOR UPDATE SKIP LOCKED);
    -- New names, with their carriers. ON CONFLICT DO NOTHING takes no lock on a name already there.
    INSERT INTO "patient_last_names" ("name", "folded", "patients")
    SELECT changed.name, fold_for_search(changed.name), greatest(changed.change, 0)
    FROM unnest(last_names, last_changes) AS changed(name, change)
    WHERE TG_OP <> 'DELETE' AND NOT EXISTS (SELECT 1 FROM "patient_last_names" AS known WHERE known."name" = changed.name)
    ON CONFLICT DO NOTHING;

    UPDATE "patient_first_names" AS known SET "patients" = greatest(known."patients" + changed.change, 0)
    FROM unnest(first_names, first_changes) AS changed(name, change)
    WHERE known."name" = changed.name AND changed.change <> 0
      AND known."name" IN (SELECT free."name" FROM "patient_first_names" AS free
                           WHERE free."name" = ANY (first_names) FOR UPDATE SKIP LOCKED);
    INSERT INTO "patient_first_names" ("name", "folded", "patients")
    SELECT changed.name, fold_for_search(changed.name), greatest(changed.change, 0)
    FROM unnest(first_names, first_changes) AS changed(name, change)
    WHERE TG_OP <> 'DELETE' AND NOT EXISTS (SELECT 1 FROM "patient_first_names" AS known WHERE known."name" = changed.name)
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END;
$$;

-- Updates now see the rows as they were too (to count renames), and deletes are counted.
DROP TRIGGER "patients_search_names_after_update" ON "patients";

CREATE TRIGGER "patients_search_names_after_update"
    AFTER UPDATE ON "patients" REFERENCING OLD TABLE AS "previous_patients" NEW TABLE AS "changed_patients"
    FOR EACH STATEMENT EXECUTE FUNCTION "remember_patient_search_names"();

CREATE TRIGGER "patients_search_names_after_delete"
    AFTER DELETE ON "patients" REFERENCING OLD TABLE AS "previous_patients"
    FOR EACH STATEMENT EXECUTE FUNCTION "remember_patient_search_names"();

-- The counts as they are. The triggers above took a lock that keeps patients unwritten until this
-- transaction commits, so no registration can slip between the count and the triggers.
UPDATE "patient_last_names" AS known SET "patients" = carried.patients
FROM (SELECT "lastName" AS name, count(*)::int AS patients FROM "patients" GROUP BY 1) AS carried
WHERE known."name" = carried.name;

UPDATE "patient_first_names" AS known SET "patients" = carried.patients
FROM (SELECT "firstName" AS name, count(*)::int AS patients FROM "patients" GROUP BY 1) AS carried
WHERE known."name" = carried.name;
