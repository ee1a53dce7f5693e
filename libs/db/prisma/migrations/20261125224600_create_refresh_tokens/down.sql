-- Reverses 20261125224600_create_refresh_tokens. Every provider must sign in again afterwards.
-- The indexes and foreign keys go with the table.

DROP TABLE "refresh_tokens";
