-- Least-privilege database roles. The API connects as a member of `clinic_app`, a group role
-- (NOLOGIN) that reads and writes rows and owns nothing, so it cannot ALTER, DROP or TRUNCATE a
-- table, nor switch a trigger off: ALTER TABLE … DISABLE TRIGGER needs the table's owner, and
-- SET session_replication_role = replica a superuser. Migrations and seeds keep running as the
-- owner of the tables (MIGRATION_DATABASE_URL). The append-only rules of audit_events and
-- record_amendments now hold twice: this role has no UPDATE or DELETE on them, and their triggers
-- still refuse both, to the owner too.
--
-- Roles belong to the whole cluster, not to this database. A clinic's DBA may have created
-- clinic_app beforehand: it is used as it is. Test runs migrate several databases of one cluster at
-- the same time, so two transactions may race to create it: the one that loses finds it made and
-- carries on. Creating it needs CREATEROLE; a role without it is told what to ask the DBA for.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'clinic_app') THEN
        BEGIN
            CREATE ROLE clinic_app NOLOGIN;
        EXCEPTION
            WHEN duplicate_object OR unique_violation THEN
                NULL;
            WHEN insufficient_privilege THEN
                RAISE EXCEPTION 'the role clinic_app does not exist, and % may not create it', current_user
                    USING HINT = 'As a superuser (or a role with CREATEROLE) run CREATE ROLE clinic_app NOLOGIN; then deploy again.';
        END;
    END IF;
    -- Each of these would hand the API back what this migration takes away.
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'clinic_app' AND (rolsuper OR rolbypassrls)) THEN
        RAISE EXCEPTION 'the role clinic_app is a superuser or bypasses row security'
            USING HINT = 'ALTER ROLE clinic_app NOSUPERUSER NOBYPASSRLS;';
    END IF;
    IF pg_has_role('clinic_app', current_user, 'MEMBER') THEN
        RAISE EXCEPTION 'the role clinic_app is a member of %, which owns the tables', current_user
            USING HINT = format('REVOKE %I FROM clinic_app;', current_user);
    END IF;
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = current_user AND NOT rolsuper)
        AND pg_has_role(current_user, 'clinic_app', 'MEMBER') THEN
        RAISE EXCEPTION 'migrations run as %, a member of clinic_app: they must run as the owner of the tables', current_user
            USING HINT = 'Set MIGRATION_DATABASE_URL to the owner''s connection (README, "Database roles").';
    END IF;
END
$$;

-- What the API does to each table, and no more. DELETE only where the API removes rows: a
-- patient is archived, an appointment cancelled, a provider deactivated, a record signed, never
-- deleted. No TRUNCATE, REFERENCES or TRIGGER anywhere.
GRANT USAGE ON SCHEMA public TO clinic_app;
GRANT SELECT, INSERT, UPDATE ON "providers", "patients", "appointments", "medical_records", "vital_signs" TO clinic_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON "allergies", "chronic_conditions", "symptoms", "prescriptions", "refresh_tokens", "throttle_counters" TO clinic_app;
-- Read only: the readiness probe compares the applied migrations with the code's (no patient
-- data is in it); only the owner's deploys write it.
GRANT SELECT ON "_prisma_migrations" TO clinic_app;
-- Append-only: written once and read, never changed or removed.
GRANT SELECT, INSERT ON "audit_events", "record_amendments" TO clinic_app;

-- Tables and sequences that later migrations create get the usual row rights. A migration whose
-- table must give the API less (append-only, read-only) revokes it beside its CREATE TABLE.
-- Default privileges belong to the role that creates the objects: every migration must run as the
-- same owner. Prisma's own _prisma_migrations existed before this: the API may only read it.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO clinic_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO clinic_app;
