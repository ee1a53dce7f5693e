-- What each provider may do in the API, and whether they may sign in at all. Existing providers
-- become active clinicians: an admin promotes whoever manages accounts after the deploy.
-- Both columns have constant defaults, so PostgreSQL adds them without rewriting the table.

-- CreateEnum
CREATE TYPE "ProviderRole" AS ENUM ('admin', 'clinician', 'staff');

-- AlterTable
ALTER TABLE "providers"
    ADD COLUMN "role" "ProviderRole" NOT NULL DEFAULT 'clinician',
    ADD COLUMN "isActive" BOOLEAN NOT NULL DEFAULT true;
