-- Reverses 20261202053000_update_throttle_counters_unlogged: the counters are written to the WAL
-- again (a rewrite of a small table under a brief lock). No data is lost.
ALTER TABLE "throttle_counters" SET LOGGED;
