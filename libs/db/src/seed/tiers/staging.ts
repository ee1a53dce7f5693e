import type { PrismaClient } from '../../generated/prisma/client.js';
import { addDays, ANCHOR_DATE } from '../calendar.js';
import type { ClinicDataset, InsertedRows } from '../dataset.js';
import { SeedRefused } from '../errors.js';
import { buildClinicDataset } from '../generate/clinic.js';
import { seedIdsFor } from '../ids.js';
import { passwordWeaknesses } from '../../passwords/index.js';
import { clinicians, DEVELOPMENT_PASSWORD, STAGING_STAFF, type StaffMember } from '../staff.js';
import { seedClinicTier } from './clinic-tier.js';
import type { TierContext } from './context.js';

export const STAGING_RANDOM_SEED = 31_337;

export const STAGING_SIZE = { patients: 8, appointments: 16 } as const;

const ids = seedIdsFor('staging');
const providerIdFor = (member: StaffMember) => ids('provider', member.key);

export function buildStagingDataset(): ClinicDataset {
  return buildClinicDataset({
    tier: 'staging',
    seed: STAGING_RANDOM_SEED,
    anchor: ANCHOR_DATE,
    clinicians: clinicians(STAGING_STAFF).map((member) => ({ key: member.key, providerId: providerIdFor(member) })),
    patientCount: STAGING_SIZE.patients,
    appointmentCount: STAGING_SIZE.appointments,
    weeksBefore: 1,
    weeksAfter: 1,
  });
}

/**
 * Staging accounts share the published development password unless SEED_STAGING_PASSWORD is
 * set, which a staging environment reachable from outside should do.
 */
export function stagingPassword(env: TierContext['env']): string {
  const chosen = env.SEED_STAGING_PASSWORD;
  if (!chosen) return DEVELOPMENT_PASSWORD;
  const weaknesses = passwordWeaknesses(chosen);
  if (weaknesses.length > 0) throw new SeedRefused('weak-staging-password', `SEED_STAGING_PASSWORD is too weak: ${weaknesses.join('; ')}`);
  return chosen;
}

export function seedStaging(prisma: PrismaClient, context: TierContext): Promise<InsertedRows> {
  const password = stagingPassword(context.env);
  return seedClinicTier(
    prisma,
    { name: 'staging', staff: STAGING_STAFF, password, providerIdFor, accountsCreatedAt: addDays(ANCHOR_DATE, -90), dataset: buildStagingDataset() },
    context,
  );
}
