-- Reverses add_vital_signs_seal: a signed visit's vital signs can change again.

DROP TRIGGER "vital_signs_sealed_insert_guard" ON "vital_signs";
DROP TRIGGER "vital_signs_sealed_guard" ON "vital_signs";
DROP FUNCTION "refuse_change_to_sealed_vital_signs"();
