-- Refresh tokens of signed-in providers. Only the SHA-256 of a token is stored (hex, 64
-- characters), so a copy of this table signs nobody in. Each refresh replaces the token with a new
-- one of the same family; `replacedById` links them, so a replaced token presented again is
-- recognised as reuse and its whole family revoked. The table is new and empty: its indexes and
-- foreign keys are created with it, without locking anything clinics use.

-- CreateTable
CREATE TABLE "refresh_tokens" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "providerId" UUID NOT NULL,
    "familyId" UUID NOT NULL,
    "tokenHash" VARCHAR(64) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "lastUsedAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),
    "replacedById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "refresh_tokens_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "refresh_tokens_providerId_fkey" FOREIGN KEY ("providerId")
        REFERENCES "providers"("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "refresh_tokens_replacedById_fkey" FOREIGN KEY ("replacedById")
        REFERENCES "refresh_tokens"("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "refresh_tokens_tokenHash_key" ON "refresh_tokens"("tokenHash");
CREATE UNIQUE INDEX "refresh_tokens_replacedById_key" ON "refresh_tokens"("replacedById");
CREATE INDEX "refresh_tokens_providerId_idx" ON "refresh_tokens"("providerId");
CREATE INDEX "refresh_tokens_familyId_idx" ON "refresh_tokens"("familyId");
