-- Vital signs and prescriptions carry their patient's id, so that a chart reads them by patient.
--
-- Why. The chart (GET /patients/{id}/chart, apps/api/src/chart/chart.service.ts) shows the
-- latest vital signs and the prescriptions of the last 90 days. Both hang from the visits: a set
-- of vital signs from its appointment, a prescription from its medical record, the record from
-- its appointment. Finding them through the visits costs one index probe per visit and per
-- record, whatever is shown: about 1,100 probes for the benchmark's 400-visit patient, 2.8 of the
-- chart statement's 3.1 ms on a million patients (docs/performance.md). With the patient on the
-- row, each is one short range of an index (migration 20261202115200): the latest set is the
-- first entry, the recent prescriptions a contiguous run.
--
-- The column is derived, never written by the API: a BEFORE trigger sets it on every insert and
-- update from the parent visit (whatever a statement gives, the visit's patient is what is
-- stored), so the releases before this one, which do not know the column, keep it right. When a
-- visit changes patient (the appointments foreign key cascades a patient id change) or a record
-- changes visit, the rows below follow. The column stays nullable until a later release (the
-- contract step) makes it required; migration 20261202115100 fills the rows already there.
--
-- The guards of signed records and sealed vital signs (20261125232100, 20261201060403) refuse any
-- UPDATE under a signed record. They now let through an update that changes nothing but this
-- column (or nothing at all): the fill and the backfill, which only ever write what the visit
-- says. Every other change is refused as before.

-- AlterTable
ALTER TABLE "vital_signs" ADD COLUMN "patientId" UUID;

-- AlterTable
ALTER TABLE "prescriptions" ADD COLUMN "patientId" UUID;

CREATE FUNCTION "fill_vital_signs_patient"() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    NEW."patientId" := (SELECT visit."patientId" FROM "appointments" visit WHERE visit."id" = NEW."appointmentId");
    RETURN NEW;
END;
$$;

CREATE FUNCTION "fill_prescription_patient"() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    NEW."patientId" := (SELECT visit."patientId" FROM "medical_records" record JOIN "appointments" visit ON visit."id" = record."appointmentId"
                        WHERE record."id" = NEW."medicalRecordId");
    RETURN NEW;
END;
$$;

-- BEFORE triggers of a table fire in name order: these ("…_patient") before the guards
-- ("…_sealed_guard", "…_signed_record_guard"), which then see the row as it will be stored.
CREATE TRIGGER "vital_signs_patient"
    BEFORE INSERT OR UPDATE ON "vital_signs"
    FOR EACH ROW EXECUTE FUNCTION "fill_vital_signs_patient"();

CREATE TRIGGER "prescriptions_patient"
    BEFORE INSERT OR UPDATE ON "prescriptions"
    FOR EACH ROW EXECUTE FUNCTION "fill_prescription_patient"();

-- A visit given to another patient, or a record moved to another visit: the rows under it are
-- written again, and their fill triggers read the new parent.
CREATE FUNCTION "follow_visit_patient"() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF TG_TABLE_NAME = 'appointments' THEN
        UPDATE "vital_signs" SET "patientId" = NULL WHERE "appointmentId" = NEW."id";
        UPDATE "prescriptions" SET "patientId" = NULL
        WHERE "medicalRecordId" IN (SELECT record."id" FROM "medical_records" record WHERE record."appointmentId" = NEW."id");
    ELSE
        UPDATE "prescriptions" SET "patientId" = NULL WHERE "medicalRecordId" = NEW."id";
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER "appointments_patient_followed"
    AFTER UPDATE OF "patientId" ON "appointments"
    FOR EACH ROW WHEN (OLD."patientId" IS DISTINCT FROM NEW."patientId") EXECUTE FUNCTION "follow_visit_patient"();

CREATE TRIGGER "medical_records_visit_followed"
    AFTER UPDATE OF "appointmentId" ON "medical_records"
    FOR EACH ROW WHEN (OLD."appointmentId" IS DISTINCT FROM NEW."appointmentId") EXECUTE FUNCTION "follow_visit_patient"();

-- The guards, as 20261125232100 and 20261201060403 wrote them, with the one exception above first.
CREATE OR REPLACE FUNCTION "refuse_change_under_signed_record"() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    parent_ids UUID[];
BEGIN
    IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) - 'patientId') = (to_jsonb(OLD) - 'patientId') THEN
        RETURN NEW;
    END IF;
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

CREATE OR REPLACE FUNCTION "refuse_change_to_sealed_vital_signs"() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    visit_ids UUID[];
BEGIN
    IF TG_OP = 'UPDATE' AND (to_jsonb(NEW) - 'patientId') = (to_jsonb(OLD) - 'patientId') THEN
        RETURN NEW;
    END IF;
    visit_ids := CASE TG_OP
        WHEN 'INSERT' THEN ARRAY[NEW."appointmentId"]
        WHEN 'DELETE' THEN ARRAY[OLD."appointmentId"]
        ELSE ARRAY[OLD."appointmentId", NEW."appointmentId"]
    END;
    IF EXISTS (
        SELECT 1 FROM (
            SELECT "signedAt" FROM "medical_records" WHERE "appointmentId" = ANY (visit_ids) FOR SHARE
        ) AS record
        WHERE record."signedAt" IS NOT NULL
    ) THEN
        RAISE EXCEPTION 'vital signs of a visit whose medical record is signed cannot be added, changed or removed'
            USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END;
$$;
