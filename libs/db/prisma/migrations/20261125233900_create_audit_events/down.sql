-- Reverses 20261125233900_create_audit_events. The whole audit trail is lost: take a backup
-- first. DROP TABLE is not refused by the append-only triggers (they guard rows, not the table).

DROP TABLE "audit_events";

DROP FUNCTION "refuse_change_to_audit_event"();

DROP TYPE "AuditOutcome";

DROP TYPE "AuditAction";
