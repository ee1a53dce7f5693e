import type { PrismaClient } from '../../generated/prisma/client.js';
import { addDays, ANCHOR_DATE } from '../calendar.js';
import type { ClinicDataset, InsertedRows } from '../dataset.js';
import { buildClinicDataset } from '../generate/clinic.js';
import { seedIdsFor } from '../ids.js';
import { clinicians, DEVELOPMENT_PASSWORD, DEVELOPMENT_STAFF, type StaffMember } from '../staff.js';
import { seedClinicTier } from './clinic-tier.js';
import type { TierContext } from './context.js';

/** The PRNG seed of the development clinic. Changing it reshuffles every generated row. */
export const DEVELOPMENT_RANDOM_SEED = 20_250_312;

export const DEVELOPMENT_SIZE = { patients: 200, appointments: 1000 } as const;

const ids = seedIdsFor('development');
const providerIdFor = (member: StaffMember) => ids('provider', member.key);

/** The development clinic's patients and visits, identical on every call. */
export function buildDevelopmentDataset(): ClinicDataset {
  return buildClinicDataset({
    tier: 'development',
    seed: DEVELOPMENT_RANDOM_SEED,
    anchor: ANCHOR_DATE,
    clinicians: clinicians(DEVELOPMENT_STAFF).map((member) => ({ key: member.key, providerId: providerIdFor(member) })),
    patientCount: DEVELOPMENT_SIZE.patients,
    appointmentCount: DEVELOPMENT_SIZE.appointments,
    weeksBefore: 4,
    weeksAfter: 2,
  });
}

export function seedDevelopment(prisma: PrismaClient, context: TierContext): Promise<InsertedRows> {
  return seedClinicTier(
    prisma,
    {
      name: 'development',
      staff: DEVELOPMENT_STAFF,
      password: DEVELOPMENT_PASSWORD,
      providerIdFor,
      accountsCreatedAt: addDays(ANCHOR_DATE, -540),
      dataset: buildDevelopmentDataset(),
    },
    context,
  );
}
