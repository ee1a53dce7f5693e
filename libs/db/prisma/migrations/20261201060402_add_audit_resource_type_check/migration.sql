-- The audit trail's resource types become a closed vocabulary, like its actions (an enum) and
-- outcomes: one list, in apps/api/src/audit/audit-event.ts (AUDIT_RESOURCE_TYPES) and here. A
-- refused request is recorded with the same word as the same request served (`allergy`, not the
-- route's `patients`), so a patient's audit view shows both.
--
-- NOT VALID: the check holds for every event written from now on. The events written before keep
-- the words they were written with (among them `patients`, `appointments` and `records` on refused
-- requests): the trail is append-only, and its history is not rewritten. No scan, no rewrite.

-- migration-safety: allow constraint-missing-not-valid — reviewed by the lead, reason: the constraint is added NOT VALID on purpose and never validated, the append-only history keeps its old words
ALTER TABLE "audit_events" ADD CONSTRAINT "audit_events_resource_type_known" CHECK ("resourceType" IN (
    'session', 'provider', 'patient', 'chart', 'allergy', 'allergies', 'chronic_condition', 'chronic_conditions',
    'appointment', 'vital_signs', 'medical_record', 'symptom', 'prescription', 'record_symptoms', 'record_prescriptions',
    'audit_events'
)) NOT VALID;
