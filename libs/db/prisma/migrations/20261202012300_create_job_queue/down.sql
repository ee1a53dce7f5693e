-- Reverses 20261202012300_create_job_queue: pg-boss's schema and every queued job in it. Scribe
-- jobs not finished then stay `queued` in scribe_jobs with nothing to run them: roll the API back
-- first, and let the queue drain (no scribe job queued, transcribing or extracting).

DROP SCHEMA IF EXISTS pgboss CASCADE;
