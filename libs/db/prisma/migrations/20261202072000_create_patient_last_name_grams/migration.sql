-- Patient search: every two- and three-letter piece ("gram") of each folded last name, with the
-- name, so that the last names containing a short word come out of one btree in name order.
--
-- Why. A short word is in thousands of last names ("ro": 8,400 of 88,000 at a million patients;
-- "gar": 1,500), and a search's first page needs only the first of them in name order (the first
-- 128: migration 20261202050200 and lastNamesInOrder in apps/api/src/patients/
-- patient-search.candidates.ts). The trigram and bigram indexes of 20261201062442 find them all,
-- unordered, then visit the table for each (a bitmap heap scan over up to 1,900 pages) and sort:
-- 4 ms for "gar", 12 ms for "ro", most of such a search. The name-order walk of 20261202050200
-- helps only where the matches cluster early in the alphabet. Here a word of two or three letters
-- (after folding) is one of the pieces of every name that contains it, and of no other: the names
-- containing it are exactly the entries (gram = word), already in name order, read index-only
-- from the primary key, as many as the page needs. Longer words keep the trigram index (few
-- names contain them); words with letters other than a-z and 0-9 too, since only those fold to
-- themselves in JavaScript and in fold_for_search alike, and the gram must be the folded word.
--
-- Size. About 18 pieces per name: 1.6 million rows for 88,000 last names (128 MB with the key,
-- at a million patients). First names (1,800) stay with their small indexes.
--
-- Upkeep. Names are only ever added to patient_last_names (20261201062442 says why), and a name's
-- folded form never changes, so one statement-level trigger on insert keeps this table: a new
-- last name writes its pieces, a registration under a known name writes nothing. A name removed
-- (an erasure) takes its pieces along through the foreign key; there is no index on "name" for
-- that, so such a delete reads this table once (a rare, deliberate act; keep it rare). Whatever
-- writes patient_last_names with triggers off must run the backfill statement below again.

CREATE FUNCTION search_grams(value text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT ARRAY(SELECT DISTINCT substr(value, i, size)
                       FROM generate_series(2, 3) AS size, generate_series(1, length(value) - size + 1) AS i) $$;

-- CreateTable
CREATE TABLE "patient_last_name_grams" (
    "gram" TEXT NOT NULL,
    "name" VARCHAR(255) NOT NULL
);

CREATE FUNCTION "remember_patient_last_name_grams"() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO "patient_last_name_grams" ("gram", "name")
    SELECT piece.gram, added."name" FROM "added_names" AS added CROSS JOIN unnest(search_grams(added."folded")) AS piece(gram)
    ON CONFLICT DO NOTHING;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "patient_last_names_grams_after_insert"
    AFTER INSERT ON "patient_last_names" REFERENCING NEW TABLE AS "added_names"
    FOR EACH STATEMENT EXECUTE FUNCTION "remember_patient_last_name_grams"();

-- The pieces of the names already there. CREATE TRIGGER locked patient_last_names against writes
-- to the end of this transaction, so no name can slip between the trigger and the backfill.
-- Registrations of a new last name wait meanwhile (about 10 s at a million patients, on a 2-core
-- machine); reads, and registrations under known names, do not.
INSERT INTO "patient_last_name_grams" ("gram", "name")
SELECT piece.gram, known."name" FROM "patient_last_names" AS known CROSS JOIN unnest(search_grams(known."folded")) AS piece(gram);

-- Built after the backfill, faster than growing it row by row.
-- migration-safety: allow adding-serial-primary-key-field — reviewed by the search maintainers, reason: the table is created by this migration, nobody reads or writes it yet
ALTER TABLE "patient_last_name_grams" ADD CONSTRAINT "patient_last_name_grams_pkey" PRIMARY KEY ("gram", "name");

-- AddForeignKey
ALTER TABLE "patient_last_name_grams" ADD CONSTRAINT "patient_last_name_grams_name_fkey" FOREIGN KEY ("name") REFERENCES "patient_last_names"("name") ON DELETE CASCADE ON UPDATE CASCADE;
