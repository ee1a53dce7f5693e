-- A signed visit is sealed: once the visit's medical record is signed, its vital signs no longer
-- change either (corrections go through an amendment of the record, like any other). The API
-- answers 409 first; this trigger holds the rule for every other path (a script, psql), as the
-- signing triggers of 20261125232100_add_medical_record_signing do for the record, its symptoms
-- and prescriptions. The record is read FOR SHARE, so a change racing a signing waits for it and
-- then sees it.
--
-- An INSERT is checked AFTER the row is inserted: a BEFORE trigger would also refuse the rows an
-- INSERT … ON CONFLICT DO NOTHING skips (a seed run twice), which change nothing. Raising in the
-- AFTER trigger still rolls the statement back. An upsert that turns into an UPDATE meets the
-- BEFORE UPDATE trigger.

CREATE FUNCTION "refuse_change_to_sealed_vital_signs"() RETURNS trigger
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

CREATE TRIGGER "vital_signs_sealed_guard"
    BEFORE UPDATE OR DELETE ON "vital_signs"
    FOR EACH ROW EXECUTE FUNCTION "refuse_change_to_sealed_vital_signs"();

CREATE TRIGGER "vital_signs_sealed_insert_guard"
    AFTER INSERT ON "vital_signs"
    FOR EACH ROW EXECUTE FUNCTION "refuse_change_to_sealed_vital_signs"();
