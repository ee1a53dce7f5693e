-- The patient of the vital signs and prescriptions written before 20261202115000 added the column
-- (those written since have it from the fill triggers). Data only. Each UPDATE writes only that
-- column, which the fill triggers compute again from the visit, and which the guards of signed
-- records let through (20261202115000 says why).
--
-- Cost: one pass over each table, holding its rows' locks to the end; at a million patients with
-- 60,000 sets of vital signs and 60,000 prescriptions, about 2 s on a 2-core machine. A clinic with
-- tens of millions of rows would run it in batches (WHERE "patientId" IS NULL … LIMIT) instead.

UPDATE "vital_signs" AS vitals SET "patientId" = visit."patientId"
FROM "appointments" AS visit
WHERE visit."id" = vitals."appointmentId" AND vitals."patientId" IS NULL;

UPDATE "prescriptions" AS prescription SET "patientId" = visit."patientId"
FROM "medical_records" AS record JOIN "appointments" AS visit ON visit."id" = record."appointmentId"
WHERE record."id" = prescription."medicalRecordId" AND prescription."patientId" IS NULL;
