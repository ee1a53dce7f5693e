-- Counters of the sign-in and list throttles, shared by every API replica: two processes behind
-- a load balancer count one account's failed sign-ins together. One row per key ("sign-in
-- account <email>", "sign-in address <ip>", "list <provider>"), counted in one atomic
-- INSERT … ON CONFLICT DO UPDATE … RETURNING, so concurrent attempts each get their own number
-- and no more than the limit are ever let through. Rows whose window has ended are deleted by
-- a periodic clean-up; nothing here is health data. A new, empty table: nothing is locked.

-- CreateTable
CREATE TABLE "throttle_counters" (
    "key" VARCHAR(320) NOT NULL,
    "count" INTEGER NOT NULL,
    "windowEndsAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "throttle_counters_pkey" PRIMARY KEY ("key")
);

-- CreateIndex: the clean-up finds ended windows without reading the whole table.
CREATE INDEX "throttle_counters_windowEndsAt_idx" ON "throttle_counters"("windowEndsAt");
