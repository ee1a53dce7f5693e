-- Reverses 20261201060437_create_application_role: clinic_app loses its rights in this database,
-- so the API must connect as the owner again until the migration is deployed anew. The role itself
-- stays: roles belong to the whole cluster, and other databases on it may still grant to it. A
-- DBA drops it once none does (in each database DROP OWNED BY clinic_app, then DROP ROLE clinic_app).

ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT ON SEQUENCES FROM clinic_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM clinic_app;

REVOKE ALL ON "audit_events", "record_amendments" FROM clinic_app;
REVOKE ALL ON "_prisma_migrations" FROM clinic_app;
REVOKE ALL ON "allergies", "chronic_conditions", "symptoms", "prescriptions", "refresh_tokens", "throttle_counters" FROM clinic_app;
REVOKE ALL ON "providers", "patients", "appointments", "medical_records", "vital_signs" FROM clinic_app;
REVOKE USAGE ON SCHEMA public FROM clinic_app;
