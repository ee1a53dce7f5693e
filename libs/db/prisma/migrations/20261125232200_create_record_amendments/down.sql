-- Reverses 20261125232200_create_record_amendments. Every amendment is lost: signed records read
-- as they were first signed. Take a backup first.

DROP TABLE "record_amendments";

DROP FUNCTION "refuse_change_to_amendment"();
