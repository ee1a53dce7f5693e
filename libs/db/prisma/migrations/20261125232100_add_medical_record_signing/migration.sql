-- Signing a medical record: who signed it and when. A signed record is the legal note of a visit
-- and never changes again; corrections are amendments (a later migration). The database itself
-- holds that rule, with the triggers below, so that no code path (a script, a future route, a
-- psql session) can rewrite a signed note or the symptoms and prescriptions it carries.
--
-- Existing records that are no longer drafts count as signed: by the appointment's provider, at
-- their last save (updatedAt), the best the data can tell.

-- AlterTable: nullable columns without defaults change only the catalogue.
ALTER TABLE "medical_records"
    ADD COLUMN "signedAt" TIMESTAMP(3),
    ADD COLUMN "signedById" UUID;

-- Backfill, before the guards exist (they would refuse updating a signed record).
UPDATE "medical_records" AS m
SET "signedAt" = m."updatedAt", "signedById" = a."providerId"
FROM "appointments" AS a
WHERE a."id" = m."appointmentId" AND NOT m."isDraft";

-- AddForeignKey, NOT VALID: it holds for every row written from now on without scanning the table
-- under a write lock. The rows that exist already satisfy it by construction (the backfill above
-- copies appointments."providerId", itself a foreign key to providers); a later migration may
-- VALIDATE it, which takes no write lock, to let the planner rely on it.
ALTER TABLE "medical_records" ADD CONSTRAINT "medical_records_signedById_fkey"
    FOREIGN KEY ("signedById") REFERENCES "providers"("id") ON DELETE RESTRICT ON UPDATE CASCADE NOT VALID;

-- A signed record refuses every UPDATE and DELETE. Signing itself is the last UPDATE allowed: it
-- changes a row whose OLD."signedAt" is still NULL.
--
-- Cascades: appointments and patients cascade their deletion to medical_records, so deleting a
-- patient or an appointment whose chart holds a signed record now fails as a whole (the cascade
-- reaches this trigger and the statement is rolled back). That is deliberate: no API route erases
-- a chart (patients are archived), and erasing one on purpose (a legal order) is a reviewed
-- operation by the table owner, who disables these triggers for that one transaction
-- (ALTER TABLE … DISABLE TRIGGER). Test databases are dropped whole, which no trigger sees.
CREATE FUNCTION "refuse_change_to_signed_record"() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF OLD."signedAt" IS NOT NULL THEN
        RAISE EXCEPTION 'medical record % is signed: it cannot be % (add an amendment instead)', OLD."id",
            CASE TG_OP WHEN 'DELETE' THEN 'deleted' ELSE 'changed' END
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER "medical_records_signed_guard"
    BEFORE UPDATE OR DELETE ON "medical_records"
    FOR EACH ROW EXECUTE FUNCTION "refuse_change_to_signed_record"();

-- Symptoms and prescriptions of a signed record: no INSERT under it, no UPDATE or DELETE of
-- theirs, and no moving a row into or out of it. The parent row is read FOR SHARE, which waits
-- for a signing in progress to commit and then sees it: a symptom added while the record is being
-- signed cannot slip in (the foreign key's own lock, KEY SHARE, would not wait for the signing).
CREATE FUNCTION "refuse_change_under_signed_record"() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    parent_ids UUID[];
BEGIN
    parent_ids := CASE TG_OP
        WHEN 'INSERT' THEN ARRAY[NEW."medicalRecordId"]
        WHEN 'DELETE' THEN ARRAY[OLD."medicalRecordId"]
        ELSE ARRAY[OLD."medicalRecordId", NEW."medicalRecordId"]
    END;
    IF EXISTS (
        SELECT 1 FROM (
            SELECT "signedAt" FROM "medical_records" WHERE "id" = ANY (parent_ids) FOR SHARE
        ) AS parent
        WHERE parent."signedAt" IS NOT NULL
    ) THEN
        RAISE EXCEPTION '% of a signed medical record cannot be added, changed or removed', TG_TABLE_NAME
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$;

CREATE TRIGGER "symptoms_signed_record_guard"
    BEFORE INSERT OR UPDATE OR DELETE ON "symptoms"
    FOR EACH ROW EXECUTE FUNCTION "refuse_change_under_signed_record"();

CREATE TRIGGER "prescriptions_signed_record_guard"
    BEFORE INSERT OR UPDATE OR DELETE ON "prescriptions"
    FOR EACH ROW EXECUTE FUNCTION "refuse_change_under_signed_record"();
