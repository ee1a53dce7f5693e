-- The Idempotency-Key of a creation (POST /api/v1/patients, /appointments): a client that lost
-- the answer to a creation (a timeout, a 503, a dropped connection) sends it again with the same
-- key and gets the first answer instead of a second patient. One row per key, scoped to the
-- provider who sent it and the route; the hash of the request body tells a true retry (same body:
-- the first answer again) from a key reused for something else (409). The row is written in the
-- creation's own transaction: a creation that rolled back leaves no key, one that committed always
-- has it. It names the created row, never copies its data: a replay reads the record again.
-- Keys count for 24 hours; older ones are ignored, and deleted as new keys are written.
-- A new, empty table: nothing is locked.

-- CreateTable
CREATE TABLE "idempotency_keys" (
    "providerId" UUID NOT NULL,
    "route" VARCHAR(100) NOT NULL,
    "key" VARCHAR(255) NOT NULL,
    "requestHash" VARCHAR(64) NOT NULL,
    "resourceId" UUID NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "idempotency_keys_pkey" PRIMARY KEY ("providerId", "route", "key")
);

-- CreateIndex: the clean-up finds expired keys without reading the whole table.
CREATE INDEX "idempotency_keys_createdAt_idx" ON "idempotency_keys"("createdAt");

-- The API reads, writes and deletes (expired) keys; a key is never changed.
GRANT SELECT, INSERT, DELETE ON "idempotency_keys" TO clinic_app;
REVOKE UPDATE ON "idempotency_keys" FROM clinic_app;
