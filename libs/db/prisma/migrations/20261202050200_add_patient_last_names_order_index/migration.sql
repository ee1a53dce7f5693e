-- Patient search reads last names in name order, with their folded form, from this btree:
-- index-only, so a word found in many last names ("ra", "an": thousands of them) gives its first
-- ones in name order by reading a few thousand short entries (under a millisecond), instead of
-- finding every one through the bigram or trigram index and sorting them (3 to 20 ms at a million
-- patients, 88,000 last names). The primary key has the order but not the folded name, which it
-- would fetch from the table name by name. The query side is lastNamesInOrder in
-- apps/api/src/patients/patient-search.candidates.ts.
--
-- "patients" (the count of carriers) is left out on purpose: it changes at every registration,
-- and an indexed column would make each of those updates write new index entries (no HOT update).
--
-- CONCURRENTLY keeps patient_last_names writable while it builds (a second or so; registrations
-- write to it through the triggers), so this file runs statement by statement, outside a
-- transaction. If it fails part-way, drop the index if `\d patient_last_names` marks it INVALID,
-- then `prisma migrate resolve --rolled-back` and deploy again: IF NOT EXISTS skips a built one.

CREATE INDEX CONCURRENTLY IF NOT EXISTS "patient_last_names_name_folded_idx"
    ON "patient_last_names" ("name", "folded");
