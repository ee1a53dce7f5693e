-- Reverses the session epochs: tokens are again trusted for their whole lifetime, and a pending
-- "must change password" is forgotten (the temporary password stays the password).

ALTER TABLE "refresh_tokens" DROP COLUMN "sessionEpoch";

ALTER TABLE "providers"
    DROP COLUMN "passwordChangedAt",
    DROP COLUMN "mustChangePassword",
    DROP COLUMN "sessionEpoch";
