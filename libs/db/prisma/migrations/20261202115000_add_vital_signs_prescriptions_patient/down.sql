-- Reverses 20261202115000_add_vital_signs_prescriptions_patient. No clinical data is lost: the
-- column only repeats which patient each row's visit belongs to. The chart of that release reads
-- it: roll the API back first. The guards get back their bodies of 20261125232100 and 20261201060403.

DROP TRIGGER IF EXISTS "medical_records_visit_followed" ON "medical_records";

DROP TRIGGER IF EXISTS "appointments_patient_followed" ON "appointments";

DROP FUNCTION IF EXISTS "follow_visit_patient"();

DROP TRIGGER IF EXISTS "prescriptions_patient" ON "prescriptions";

DROP TRIGGER IF EXISTS "vital_signs_patient" ON "vital_signs";

DROP FUNCTION IF EXISTS "fill_prescription_patient"();

DROP FUNCTION IF EXISTS "fill_vital_signs_patient"();

CREATE OR REPLACE FUNCTION "refuse_change_under_signed_record"() RETURNS trigger
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

CREATE OR REPLACE FUNCTION "refuse_change_to_sealed_vital_signs"() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    visit_ids UUID[];
BEGIN
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

ALTER TABLE "prescriptions" DROP COLUMN IF EXISTS "patientId";

ALTER TABLE "vital_signs" DROP COLUMN IF EXISTS "patientId";
