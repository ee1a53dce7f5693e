-- Reverses 20261125224500_add_provider_role. Roles and deactivations are lost: a deactivated
-- provider could sign in again once the API that reads these columns is rolled back too.

ALTER TABLE "providers"
    DROP COLUMN "isActive",
    DROP COLUMN "role";

DROP TYPE "ProviderRole";
