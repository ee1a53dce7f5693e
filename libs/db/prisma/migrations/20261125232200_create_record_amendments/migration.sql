-- Amendments: how a signed medical record is corrected. The record itself never changes (see
-- 20261125232100_add_medical_record_signing); an amendment says who corrected what, when and why,
-- and the original note stays readable beside it. Amendments are append-only: a trigger refuses
-- every UPDATE and DELETE, so a correction is itself never rewritten or removed.
-- The foreign key to the record restricts deletion: an amended record (always a signed one,
-- which its own trigger already keeps) cannot lose its amendments through a cascade.
-- The table is new and empty: its index and foreign keys are created with it.

-- CreateTable
CREATE TABLE "record_amendments" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "medicalRecordId" UUID NOT NULL,
    "authorId" UUID NOT NULL,
    "reason" VARCHAR(255) NOT NULL,
    "text" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "record_amendments_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "record_amendments_medicalRecordId_fkey" FOREIGN KEY ("medicalRecordId")
        REFERENCES "medical_records"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "record_amendments_authorId_fkey" FOREIGN KEY ("authorId")
        REFERENCES "providers"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- CreateIndex
CREATE INDEX "record_amendments_medicalRecordId_idx" ON "record_amendments"("medicalRecordId");

CREATE FUNCTION "refuse_change_to_amendment"() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'record amendment % is part of the legal record: it cannot be changed or removed', OLD."id"
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER "record_amendments_append_only"
    BEFORE UPDATE OR DELETE ON "record_amendments"
    FOR EACH ROW EXECUTE FUNCTION "refuse_change_to_amendment"();
