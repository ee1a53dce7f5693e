-- The audit trail: who read or changed which patient's data, when, from where and how it ended.
--
-- No health data here, ever: an event holds ids (actor, resource, patient, the patients a search
-- returned), the action, the outcome and where the request came from. Never a name, a phone
-- number, a search term or a note: the trail is read by admins who may not see charts.
--
-- Append-only: triggers refuse every UPDATE, DELETE and TRUNCATE, whoever asks (the application
-- connects as the table's owner here, so privileges alone would not stop it).
-- No foreign keys: an event outlives what it names, and names ids that never existed (a request
-- for a patient id that is not there is itself recorded).
-- The table is new and empty: its indexes are created with it.

-- CreateEnum
CREATE TYPE "AuditAction" AS ENUM ('read', 'search', 'create', 'update', 'archive', 'sign', 'amend', 'login', 'login_failed', 'logout', 'refresh', 'export');

-- CreateEnum
CREATE TYPE "AuditOutcome" AS ENUM ('success', 'denied', 'failed');

-- CreateTable
CREATE TABLE "audit_events" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "occurredAt" TIMESTAMPTZ(3) NOT NULL DEFAULT clock_timestamp(),
    "actorId" UUID,
    "action" "AuditAction" NOT NULL,
    "resourceType" VARCHAR(64) NOT NULL,
    "resourceId" UUID,
    "patientId" UUID,
    "patientIds" UUID[] DEFAULT ARRAY[]::UUID[],
    "clientAddress" VARCHAR(64),
    "userAgent" VARCHAR(512),
    "requestId" VARCHAR(64),
    "outcome" "AuditOutcome" NOT NULL,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "audit_events_patientId_occurredAt_idx" ON "audit_events"("patientId", "occurredAt");

-- CreateIndex
CREATE INDEX "audit_events_actorId_occurredAt_idx" ON "audit_events"("actorId", "occurredAt");

-- CreateIndex
CREATE INDEX "audit_events_occurredAt_idx" ON "audit_events"("occurredAt");

-- CreateIndex: a patient's trail includes the searches that showed them.
CREATE INDEX "audit_events_patientIds_idx" ON "audit_events" USING GIN ("patientIds");

CREATE FUNCTION "refuse_change_to_audit_event"() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit events are append-only: % refused', TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER "audit_events_append_only"
    BEFORE UPDATE OR DELETE ON "audit_events"
    FOR EACH ROW EXECUTE FUNCTION "refuse_change_to_audit_event"();

-- TRUNCATE fires no row trigger: it needs a statement-level one of its own.
CREATE TRIGGER "audit_events_no_truncate"
    BEFORE TRUNCATE ON "audit_events"
    FOR EACH STATEMENT EXECUTE FUNCTION "refuse_change_to_audit_event"();
