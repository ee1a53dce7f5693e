-- The clinician's review of what the AI scribe extracted from a visit (issue 12): every symptom and
-- prescription says whether it still awaits review ('pending'), was accepted into the chart
-- ('accepted') or was rejected ('rejected'; kept for the audit, hidden from the chart and from the
-- record's lists). Items typed by people are accepted from the start, and so is every row that
-- exists before this migration: the scribe wrote none of them through the API.
--
-- A constant DEFAULT on PostgreSQL 11+ changes only the catalogue: no table rewrite, no scan, and
-- the code of the release before this one, which never names the column, keeps inserting rows
-- that are accepted.
--
-- The vocabulary is a CHECK, added NOT VALID so that it takes no scan under the ALTER's lock. It
-- holds for every row written from now on; the rows that exist already satisfy it by construction
-- (they all read the constant default, 'accepted'). A later migration may VALIDATE it, which takes
-- no write lock, to let the planner rely on it.

-- AlterTable
ALTER TABLE "symptoms" ADD COLUMN "reviewStatus" VARCHAR(16) NOT NULL DEFAULT 'accepted';
ALTER TABLE "prescriptions" ADD COLUMN "reviewStatus" VARCHAR(16) NOT NULL DEFAULT 'accepted';

-- AddCheckConstraint
ALTER TABLE "symptoms" ADD CONSTRAINT "symptoms_review_status_known"
    CHECK ("reviewStatus" IN ('pending', 'accepted', 'rejected')) NOT VALID;
ALTER TABLE "prescriptions" ADD CONSTRAINT "prescriptions_review_status_known"
    CHECK ("reviewStatus" IN ('pending', 'accepted', 'rejected')) NOT VALID;
