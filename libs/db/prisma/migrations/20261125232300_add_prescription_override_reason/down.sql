-- Reverses 20261125232300_add_prescription_override_reason. The reasons given for prescribing
-- despite an allergy are lost.

ALTER TABLE "prescriptions" DROP COLUMN "overrideReason";
