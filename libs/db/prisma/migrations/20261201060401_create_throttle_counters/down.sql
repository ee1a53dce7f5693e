-- Reverses create_throttle_counters: the API of the previous release counts in its own memory.

DROP TABLE "throttle_counters";
