-- A provider never has two overlapping active appointments (POST/PATCH /api/v1/appointments
-- answer 409). Enforced here rather than only in the API: two bookings racing for the same slot
-- both pass a "is the slot free?" check made before either inserts; an exclusion constraint
-- lets exactly one of them commit (the other fails with SQLSTATE 23P01).
--
-- An appointment occupies [appointmentDate, appointmentDate + durationMinutes) (30 minutes when
-- the duration is unknown, the column's default), so back-to-back visits do not overlap.
-- Cancelled and no-show appointments free their slot. Every function in the expression
-- (tsrange, make_interval, timestamp + interval, COALESCE) is IMMUTABLE, as an index needs.
-- The expression cannot be declared in schema.prisma; migrate diff leaves exclusion constraints
-- alone, so it lives only here.

-- btree_gist lets a GiST index compare the providerId UUID with = next to the range's &&.
CREATE EXTENSION IF NOT EXISTS btree_gist;

-- An EXCLUDE constraint cannot be added NOT VALID; building it scans appointments under a lock that
-- blocks writes to that table only (a clinic's appointments: thousands of rows, well under a second).
-- migration-safety: allow constraint-missing-not-valid — reviewed by founding engineer (integration review 2026-11-25), reason: EXCLUDE constraints have no NOT VALID form; appointments holds a few thousand rows, the scan takes well under a second; existing overlaps make it fail whole, to be resolved by cancelling one of each pair first
ALTER TABLE "appointments" ADD CONSTRAINT "appointments_provider_no_overlap"
    EXCLUDE USING gist (
        "providerId" WITH =,
        tsrange("appointmentDate", "appointmentDate" + make_interval(mins => COALESCE("durationMinutes", 30))) WITH &&
    ) WHERE ("status" NOT IN ('cancelled', 'no_show'));
