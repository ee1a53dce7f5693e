-- Vital signs and prescriptions carry their patient's id, so that a chart reads them by patient.
--
-- Why. The chart (GET /patients/{id}/chart, apps/api/src/chart/chart.service.ts) shows the
-- latest vital signs and the prescriptions of the last 90 days. Both hang from the visits: a set
-- of vital signs from its appointment, a prescription from its medical record, the record from
-- its appointment. Finding them through the visits costs one index probe per visit and per
-- record, whatever is shown: about 1,100 probes for the benchmark's 400-visit patient, 2.8 of the
-- chart statement's 3.1 ms on a million patients (docs/performance.md). With the patient on the
-- row, each is one short range of an index (migration 20261202115200): the latest set is the
-- last entry of the patient's run, the recent prescriptions its end.
--
-- The column is derived, never written by the API: a BEFORE trigger sets it on every insert and
-- update from the parent visit (whatever a statement gives, the visit's patient is what is
-- stored), so the releases before this one, which do not know the column, keep it right. When a
-- visit changes patient (the appointments foreign key cascades a patient id change) or a record
-- changes visit, the rows below follow. The column stays nullable until a later release (the
-- contract step) makes it required; migration 20261202115100 fills the rows already there.
--
-- The guards of signed records and sealed vital signs (20261125232100, 20261201060403) refuse any
-- UPDATE under a signed record. Their UPDATE triggers now fire only when something besides this
-- column changes (a WHEN clause; the guard functions are unchanged): the fill and the backfill,
-- which only ever write what the visit says, pass; every other change is refused as before.
-- A trigger's WHEN may not name NEW when it also fires on DELETE, so each guard trigger is split in
-- two, with the same function: one for DELETE (and INSERT), one for UPDATE.

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
-- ("…_sealed_…", "…_signed_record_…"), whose WHEN then sees the row as it will be stored.
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

-- The guards, split: their INSERT and DELETE as before, their UPDATE unless only "patientId" changed.
DROP TRIGGER "prescriptions_signed_record_guard" ON "prescriptions";

CREATE TRIGGER "prescriptions_signed_record_guard"
    BEFORE INSERT OR DELETE ON "prescriptions"
    FOR EACH ROW EXECUTE FUNCTION "refuse_change_under_signed_record"();

CREATE TRIGGER "prescriptions_signed_record_update_guard"
    BEFORE UPDATE ON "prescriptions"
    FOR EACH ROW WHEN ((to_jsonb(NEW) - 'patientId') IS DISTINCT FROM (to_jsonb(OLD) - 'patientId'))
    EXECUTE FUNCTION "refuse_change_under_signed_record"();

DROP TRIGGER "vital_signs_sealed_guard" ON "vital_signs";

CREATE TRIGGER "vital_signs_sealed_guard"
    BEFORE DELETE ON "vital_signs"
    FOR EACH ROW EXECUTE FUNCTION "refuse_change_to_sealed_vital_signs"();

CREATE TRIGGER "vital_signs_sealed_update_guard"
    BEFORE UPDATE ON "vital_signs"
    FOR EACH ROW WHEN ((to_jsonb(NEW) - 'patientId') IS DISTINCT FROM (to_jsonb(OLD) - 'patientId'))
    EXECUTE FUNCTION "refuse_change_to_sealed_vital_signs"();
