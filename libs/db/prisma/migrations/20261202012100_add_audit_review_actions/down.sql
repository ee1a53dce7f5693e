-- Reverses add_audit_review_actions. PostgreSQL cannot remove a value from an enum: the type is
-- made again without them and the column converted. The trail is append-only, so once an event
-- was recorded as `accept` or `reject` the conversion fails (invalid input value for enum) and the
-- rollback with it, changing nothing: those events are never rewritten.

ALTER TYPE "AuditAction" RENAME TO "AuditAction_with_review";
CREATE TYPE "AuditAction" AS ENUM ('read', 'search', 'create', 'update', 'archive', 'sign', 'amend', 'login', 'login_failed', 'logout', 'refresh', 'export');
ALTER TABLE "audit_events" ALTER COLUMN "action" TYPE "AuditAction" USING "action"::text::"AuditAction";
DROP TYPE "AuditAction_with_review";
