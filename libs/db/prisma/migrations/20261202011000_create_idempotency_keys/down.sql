-- Reverses create_idempotency_keys. Only the keys of the last 24 hours are lost: a client that
-- retries a creation afterwards may create it twice, as before this release. Roll the API back first.

DROP TABLE "idempotency_keys";
