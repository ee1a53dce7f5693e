-- Authority from the database's truth, not from the token alone. Every access token carries the
-- session epoch its provider was in when it was issued; the API compares it with the provider's
-- current one on every request (with a cache of a few seconds, AUTHORITY_CACHE_SECONDS). Whatever
-- takes authority away moves the provider to a new epoch in the same UPDATE: deactivation, a new
-- role, a new password (their own, or an admin's reset), "sign out everywhere". Every access and
-- refresh token issued before then stops working at once.
--
-- mustChangePassword: set by an admin's reset; until the provider chooses a password of their own,
-- every route but the password change answers 403. passwordChangedAt: when it last changed.
--
-- Constant defaults on PostgreSQL 11+ change only the catalogue: no table rewrite, no long lock.

-- AlterTable
ALTER TABLE "providers"
    ADD COLUMN "sessionEpoch" INTEGER NOT NULL DEFAULT 0,
    ADD COLUMN "mustChangePassword" BOOLEAN NOT NULL DEFAULT false,
    ADD COLUMN "passwordChangedAt" TIMESTAMP(3);

-- AlterTable: the epoch a sign-in started in; a refresh in an older epoch is refused.
ALTER TABLE "refresh_tokens" ADD COLUMN "sessionEpoch" INTEGER NOT NULL DEFAULT 0;
