-- The clinician's review of an AI-extracted symptom or prescription is an act of its own in the
-- audit trail: `accept` (the item joins the chart) and `reject` (the item is kept, hidden from
-- the chart). Recording either as `update` would not tell them apart, nor from a correction of
-- the item's text. The trail's other words stay as they are (apps/api/src/common/audit-vocabulary.ts).
--
-- Appending an enum value changes only the catalogue; the code of the release before this one
-- never writes these words.

-- AlterEnum
ALTER TYPE "AuditAction" ADD VALUE 'accept';
ALTER TYPE "AuditAction" ADD VALUE 'reject';
