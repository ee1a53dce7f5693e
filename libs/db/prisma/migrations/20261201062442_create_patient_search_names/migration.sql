-- Patient search at a million patients (GET /api/v1/patients?q=…): every last name and every first
-- name that patients carry, each once, with its folded form (lower case, no accents), kept by triggers.
--
-- Why. A search answers one page in (lastName, firstName, id) order of the patients whose names
-- contain every word typed, anywhere in the name. Searched through patients alone, PostgreSQL
-- had two plans, both bad at scale (measured on 1,000,000 patients, docs/performance.md):
--   * walk patients_lastName_firstName_idx in order and test each row: the planner expects
--     matches spread evenly along the name order, but they cluster (every Smith sits under S), so
--     "smit" read some 800,000 rows before the first Smith: seconds;
--   * fetch every trigram match (patients_name_search_idx) and sort: 25,000 Smiths to read,
--     recheck and sort for a page of 50: 150 ms and more.
-- No index on patients answers "the first 50, in name order, of the rows whose name contains w".
--
-- What this table changes. Patients share names: a million patients carry about 90,000 last names
-- and 2,000 first names. The search first finds which *names* contain each word, here, in a
-- small table per part (trigram index for words of three letters or more; pg_trgm finds no trigram in a
-- two-letter pattern and would read its whole index, hence the bigram index for those). Then it
-- reads patients by exact name through btrees, in name order: the patients of one last name are
-- one contiguous run of the name-order index, so the matching last names, taken in order, give
-- the page after a few runs; patients with a matching first name are gathered through the
-- first-name index when there are few of them, and when there are many they are everywhere, so
-- the name-order walk finds a page at once, testing each entry against the set of names instead
-- of folding every name it passes. The query side is apps/api/src/patients/patient-search.query.ts.
--
-- Upkeep. Statement-level triggers with transition tables: one set-based insert per statement,
-- so a bulk import pays once, and a single registration two index probes. ON CONFLICT DO NOTHING
-- takes no lock on a name that is already there: registrations of two Smiths never wait for each
-- other. Names are never removed: a name nobody carries any more costs the search one wasted
-- index probe, while removing it in a trigger would race a transaction inserting a patient of that
-- name (the search would then miss that patient). An erasure procedure (a legal order to erase a
-- patient) must remove the names only that patient carried, under a lock on patients. Whatever
-- writes patients with triggers off (session_replication_role = replica, a data-only restore with
-- --disable-triggers) must run the two backfill statements below again, or search misses those
-- patients; a whole-database dump and restore carries the tables along.
--
-- The tables hold single names, never linked to a patient; readable by whoever may search.

CREATE FUNCTION search_bigrams(value text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT ARRAY(SELECT DISTINCT substr(value, i, 2) FROM generate_series(1, length(value) - 1) AS i) $$;

-- One table per part: a word's first names are then looked up among first names only (2,000),
-- never among the 90,000 last names that share its trigrams.

-- CreateTable
CREATE TABLE "patient_last_names" (
    "name" VARCHAR(255) NOT NULL,
    "folded" TEXT NOT NULL,

    CONSTRAINT "patient_last_names_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "patient_first_names" (
    "name" VARCHAR(255) NOT NULL,
    "folded" TEXT NOT NULL,

    CONSTRAINT "patient_first_names_pkey" PRIMARY KEY ("name")
);

CREATE FUNCTION "remember_patient_search_names"() RETURNS trigger
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

-- Transition tables rule out a column list (UPDATE OF …): every update of patients runs the
-- inserts, which for a one-row update is two primary-key probes.
CREATE TRIGGER "patients_search_names_after_insert"
    AFTER INSERT ON "patients" REFERENCING NEW TABLE AS "changed_patients"
    FOR EACH STATEMENT EXECUTE FUNCTION "remember_patient_search_names"();

CREATE TRIGGER "patients_search_names_after_update"
    AFTER UPDATE ON "patients" REFERENCING NEW TABLE AS "changed_patients"
    FOR EACH STATEMENT EXECUTE FUNCTION "remember_patient_search_names"();

-- The names patients already carry. The triggers exist from here on within this transaction, and
-- creating them blocked writes to patients until it commits, so no name can slip between the two.
-- At 1,000,000 patients this migration took 12 s (backfill and indexes, on a busy 2-core machine),
-- during which registrations and updates of patients wait; reads do not.
INSERT INTO "patient_last_names" ("name", "folded")
SELECT named."lastName", fold_for_search(named."lastName") FROM (SELECT DISTINCT "lastName" FROM "patients") AS named;

INSERT INTO "patient_first_names" ("name", "folded")
SELECT named."firstName", fold_for_search(named."firstName") FROM (SELECT DISTINCT "firstName" FROM "patients") AS named;

-- Built after the backfill (faster than growing them row by row); the tables are new, so building
-- them here blocks nobody.
CREATE INDEX "patient_last_names_folded_trgm_idx" ON "patient_last_names" USING gin ("folded" gin_trgm_ops);

CREATE INDEX "patient_last_names_bigrams_idx" ON "patient_last_names" USING gin (search_bigrams("folded"));

CREATE INDEX "patient_first_names_folded_trgm_idx" ON "patient_first_names" USING gin ("folded" gin_trgm_ops);

CREATE INDEX "patient_first_names_bigrams_idx" ON "patient_first_names" USING gin (search_bigrams("folded"));
