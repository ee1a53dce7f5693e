-- Why a clinician prescribed a medication that matches one of the patient's recorded allergies
-- (the API refuses such a prescription unless a reason is given, and keeps the reason here).
-- NULL for every prescription that matched no allergy. A nullable column without a default
-- changes only the catalogue.

-- AlterTable
ALTER TABLE "prescriptions" ADD COLUMN "overrideReason" TEXT;
