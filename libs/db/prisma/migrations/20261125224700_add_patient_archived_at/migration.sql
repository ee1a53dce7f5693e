-- Archiving replaces deletion for patients: DELETE /patients/:id sets this instant and the chart
-- stays whole (appointments, records and prescriptions cascade from patients, so a real DELETE
-- would take the medical history with it). NULL means the patient is active.
-- A nullable column without a default is a catalogue-only change: no table rewrite, no long lock.

-- AlterTable
ALTER TABLE "patients" ADD COLUMN "archivedAt" TIMESTAMP(3);
