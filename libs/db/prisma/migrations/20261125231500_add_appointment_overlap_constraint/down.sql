-- Reverses 20261125231500_add_appointment_overlap_constraint. No data is lost; the database just
-- stops refusing overlapping bookings. btree_gist goes only if nothing else uses it by then
-- (DROP EXTENSION refuses while another object depends on it, and this script then stops).

ALTER TABLE "appointments" DROP CONSTRAINT IF EXISTS "appointments_provider_no_overlap";

DROP EXTENSION IF EXISTS btree_gist;
