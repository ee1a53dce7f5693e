// The scale seed (a development clinic with up to millions of patients); the CLI entry is
// libs/db/prisma/seed-scale.ts.
export { LONG_HISTORY_VISITS } from './history-sql.js';
export { scalePatientId, type ScaleSeedOptions, type ScaleSeedSummary, seedScale } from './seed-scale.js';
export { assertTakesScaleData } from './standing.js';
