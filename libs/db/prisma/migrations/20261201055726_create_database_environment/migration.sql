-- Which seed tier this database holds: one row, written by the seeds (development, staging or
-- production). Commands that drop data (db:migrate-reset, db:restore --force, db:rollback --force,
-- the scale seed) refuse a database that is not marked development unless the operator confirms
-- with --i-know-this-is-<database>, so a wrong DATABASE_URL cannot empty a clinic's production
-- database. The seeds also refuse to write one tier's data into a database marked for another.
-- A new, empty table: nothing a running clinic uses is locked.

-- CreateTable
CREATE TABLE "database_environment" (
    "id" SMALLINT NOT NULL DEFAULT 1,
    "environment" VARCHAR(16) NOT NULL,
    "markedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "database_environment_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "database_environment_single_row" CHECK ("id" = 1),
    CONSTRAINT "database_environment_known" CHECK ("environment" IN ('development', 'staging', 'production'))
);
