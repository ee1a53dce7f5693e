-- Reverses 20261125232100_add_medical_record_signing. Who signed each record, and when, is lost,
-- and signed records, their symptoms and prescriptions become editable again by anything that
-- writes SQL (isDraft stays false on them).

DROP TRIGGER "prescriptions_signed_record_guard" ON "prescriptions";

DROP TRIGGER "symptoms_signed_record_guard" ON "symptoms";

DROP FUNCTION "refuse_change_under_signed_record"();

DROP TRIGGER "medical_records_signed_guard" ON "medical_records";

DROP FUNCTION "refuse_change_to_signed_record"();

ALTER TABLE "medical_records" DROP CONSTRAINT "medical_records_signedById_fkey";

ALTER TABLE "medical_records"
    DROP COLUMN "signedById",
    DROP COLUMN "signedAt";
