-- Reverses 20261202012200_create_scribe_jobs. The jobs' rows are lost (who asked for which draft,
-- and the transcripts sent); the drafts they wrote stay in medical_records, and the audit trail
-- keeps its events. Recordings stay in the audio store. Roll the API back first.

ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_resource_type_known";
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_resource_type_known" CHECK ("resourceType" IN (
    'session', 'provider', 'patient', 'chart', 'allergy', 'allergies', 'chronic_condition', 'chronic_conditions',
    'appointment', 'vital_signs', 'medical_record', 'symptom', 'prescription', 'record_symptoms', 'record_prescriptions',
    'audit_events'
)) NOT VALID;

DROP TABLE IF EXISTS "scribe_jobs";
