-- The AI scribe's jobs: a visit's recording or transcript on its way to a draft note. One row per
-- request; the job queue (pg-boss, schema pgboss: migration 20261202012300) carries only the id.
-- The row is the job's truth: its status moves queued → transcribing → extracting → ready (the
-- draft, its items and `ready` commit in one transaction) or → failed (with the reason, and the
-- record as it was). At most one unfinished job per visit: a second request is refused (409) by
-- the partial unique index, also when two arrive at once.
--
-- `transcript` holds the input (sent by the client, or transcribed from the audio): health data,
-- never logged. `audioId` names the recording in the audio store (local directory or S3), by the
-- job's id, never by anything about the patient. A new, empty table: nothing is locked.

-- CreateTable
CREATE TABLE "scribe_jobs" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "appointmentId" UUID NOT NULL,
    "recordId" UUID,
    "status" VARCHAR(20) NOT NULL DEFAULT 'queued',
    "source" VARCHAR(20) NOT NULL,
    "audioId" VARCHAR(128),
    "audioContentType" VARCHAR(100),
    "transcript" TEXT,
    "error" VARCHAR(1000),
    "createdById" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMPTZ(3),

    CONSTRAINT "scribe_jobs_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "scribe_jobs_status_known" CHECK ("status" IN ('queued', 'transcribing', 'extracting', 'ready', 'failed')),
    CONSTRAINT "scribe_jobs_source_known" CHECK ("source" IN ('audio', 'transcript')),
    -- An audio job names its recording; a transcript job has none.
    CONSTRAINT "scribe_jobs_audio_of_audio_jobs" CHECK (("source" = 'audio') = ("audioId" IS NOT NULL AND "audioContentType" IS NOT NULL)),
    -- Finished exactly when ready or failed; a failed job says why.
    CONSTRAINT "scribe_jobs_finished_when_done" CHECK (("status" IN ('ready', 'failed')) = ("finishedAt" IS NOT NULL)),
    CONSTRAINT "scribe_jobs_failed_has_error" CHECK (("status" = 'failed') = ("error" IS NOT NULL))
);

-- CreateIndex: a visit's jobs, newest first.
CREATE INDEX "scribe_jobs_appointmentId_createdAt_idx" ON "scribe_jobs"("appointmentId", "createdAt");

-- At most one unfinished job per visit.
CREATE UNIQUE INDEX "scribe_jobs_one_unfinished_per_visit" ON "scribe_jobs"("appointmentId") WHERE "status" IN ('queued', 'transcribing', 'extracting');

-- AddForeignKey
ALTER TABLE "scribe_jobs" ADD CONSTRAINT "scribe_jobs_appointmentId_fkey" FOREIGN KEY ("appointmentId") REFERENCES "appointments"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "scribe_jobs" ADD CONSTRAINT "scribe_jobs_recordId_fkey" FOREIGN KEY ("recordId") REFERENCES "medical_records"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "scribe_jobs" ADD CONSTRAINT "scribe_jobs_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "providers"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The API creates jobs and moves their status; it never deletes one (the history of who asked
-- for a draft stays). Default privileges gave it DELETE too: taken back.
REVOKE DELETE ON "scribe_jobs" FROM clinic_app;

-- The audit trail's words for a job and for reading a visit's recording
-- (apps/api/src/common/audit-vocabulary.ts). NOT VALID as before: old events keep their words.
ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_resource_type_known";
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_resource_type_known" CHECK ("resourceType" IN (
    'session', 'provider', 'patient', 'chart', 'allergy', 'allergies', 'chronic_condition', 'chronic_conditions',
    'appointment', 'vital_signs', 'medical_record', 'symptom', 'prescription', 'record_symptoms', 'record_prescriptions',
    'audit_events', 'scribe_job', 'record_audio'
)) NOT VALID;
