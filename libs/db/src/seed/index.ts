// Seed data for each environment; see docs/seeds.md. The CLI entry is libs/db/prisma/seed.ts.
export { ANCHOR_DATE } from './calendar.js';
export type { ClinicDataset, InsertedRows, SeededTable } from './dataset.js';
export { SEEDED_TABLES } from './dataset.js';
export { parseSeedEnvironment, SEED_ENVIRONMENTS, type SeedEnvironment } from './environments.js';
export { SeedRefused, type SeedRefusalReason } from './errors.js';
export { bodyMassIndex } from './generate/vitals.js';
export { isPlausibleEmail, MINIMUM_PASSWORD_LENGTH, passwordWeaknesses } from '../passwords/index.js';
export { hashPassword, verifyPassword } from '../passwords/index.js';
export type { SeedLog } from './progress.js';
export { describeSeedSummary, isDatabaseEmpty, seedDatabase, type SeedOptions, type SeedSummary } from './seed-database.js';
export {
  DEVELOPMENT_ADMIN_EMAIL,
  DEVELOPMENT_PASSWORD,
  DEVELOPMENT_STAFF,
  STAGING_ADMIN_EMAIL,
  STAGING_STAFF,
  type StaffMember,
  type StaffRole,
} from './staff.js';
export { LONG_HISTORY_VISITS, scalePatientId, type ScaleSeedOptions, type ScaleSeedSummary, seedScale } from './scale/index.js';
export { buildDevelopmentDataset, DEVELOPMENT_RANDOM_SEED, DEVELOPMENT_SIZE } from './tiers/development.js';
export { buildStagingDataset, STAGING_SIZE } from './tiers/staging.js';
