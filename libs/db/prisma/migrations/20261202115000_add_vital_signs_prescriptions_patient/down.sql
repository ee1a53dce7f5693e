-- Reverses 20261202115000_add_vital_signs_prescriptions_patient. No clinical data is lost: the
-- column only repeats which patient each row's visit belongs to. The chart of that release reads
-- it: roll the API back first. The guard triggers get back their one-piece form of 20261125232100
-- and 20261201060403.

DROP TRIGGER IF EXISTS "vital_signs_sealed_update_guard" ON "vital_signs";

DROP TRIGGER IF EXISTS "vital_signs_sealed_guard" ON "vital_signs";

CREATE TRIGGER "vital_signs_sealed_guard"
    BEFORE UPDATE OR DELETE ON "vital_signs"
    FOR EACH ROW EXECUTE FUNCTION "refuse_change_to_sealed_vital_signs"();

DROP TRIGGER IF EXISTS "prescriptions_signed_record_update_guard" ON "prescriptions";

DROP TRIGGER IF EXISTS "prescriptions_signed_record_guard" ON "prescriptions";

CREATE TRIGGER "prescriptions_signed_record_guard"
    BEFORE INSERT OR UPDATE OR DELETE ON "prescriptions"
    FOR EACH ROW EXECUTE FUNCTION "refuse_change_under_signed_record"();

DROP TRIGGER IF EXISTS "medical_records_visit_followed" ON "medical_records";

DROP TRIGGER IF EXISTS "appointments_patient_followed" ON "appointments";

DROP FUNCTION IF EXISTS "follow_visit_patient"();

DROP TRIGGER IF EXISTS "prescriptions_patient" ON "prescriptions";

DROP TRIGGER IF EXISTS "vital_signs_patient" ON "vital_signs";

DROP FUNCTION IF EXISTS "fill_prescription_patient"();

DROP FUNCTION IF EXISTS "fill_vital_signs_patient"();

ALTER TABLE "prescriptions" DROP COLUMN IF EXISTS "patientId";

ALTER TABLE "vital_signs" DROP COLUMN IF EXISTS "patientId";
