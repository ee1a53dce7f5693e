-- Reverses add_audit_resource_type_check: resource types are free text again.

ALTER TABLE "audit_events" DROP CONSTRAINT "audit_events_resource_type_known";
