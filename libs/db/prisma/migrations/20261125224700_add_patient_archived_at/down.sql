-- Reverses 20261125224700_add_patient_archived_at. Which patients were archived, and when, is
-- lost: every archived patient shows up in search again once this runs.

ALTER TABLE "patients" DROP COLUMN "archivedAt";
