import type { SeedLog } from '../progress.js';

/** What every tier gets: where to report progress, and the environment variables to read. */
export interface TierContext {
  log: SeedLog;
  env: Readonly<Record<string, string | undefined>>;
}
