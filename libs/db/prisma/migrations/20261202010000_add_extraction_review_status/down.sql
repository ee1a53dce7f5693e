-- Reverses add_extraction_review_status. Which AI-extracted items were pending, accepted or
-- rejected is lost: rejected items would show again on the chart. Roll back only before the
-- scribe has written anything, or review what it wrote first.

ALTER TABLE "prescriptions" DROP CONSTRAINT "prescriptions_review_status_known";
ALTER TABLE "symptoms" DROP CONSTRAINT "symptoms_review_status_known";

ALTER TABLE "prescriptions" DROP COLUMN "reviewStatus";
ALTER TABLE "symptoms" DROP COLUMN "reviewStatus";
