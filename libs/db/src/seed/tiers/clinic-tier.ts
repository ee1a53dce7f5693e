import type { PrismaClient } from '../../generated/prisma/client.js';
import { ANCHOR_DATE } from '../calendar.js';
import type { ClinicDataset, InsertedRows } from '../dataset.js';
import { noRowsInserted } from '../dataset.js';
import { ensureStaffAccounts } from '../staff-accounts.js';
import type { StaffMember } from '../staff.js';
import { inSeedTransaction } from '../transaction.js';
import { writeClinicDataset } from '../write-dataset.js';
import type { TierContext } from './context.js';

export interface ClinicTier {
  name: string;
  staff: readonly StaffMember[];
  password: string;
  /** The seeded provider id of a staff member (an existing account with the email keeps its own). */
  providerIdFor: (member: StaffMember) => string;
  accountsCreatedAt: Date;
  dataset: ClinicDataset;
}

/**
 * Writes a tier's accounts and clinic in one transaction. The dataset names clinicians by their
 * seeded ids; where an account with the same email already existed under another id, its
 * appointments go to that account instead.
 */
export async function seedClinicTier(prisma: PrismaClient, tier: ClinicTier, context: TierContext): Promise<InsertedRows> {
  context.log(`Seeding ${tier.name} data (synthetic, around ${ANCHOR_DATE.toISOString()})`);
  const inserted = noRowsInserted();
  await inSeedTransaction(prisma, async (tx) => {
    const accounts = await ensureStaffAccounts(tx, tier.staff, {
      password: tier.password,
      idFor: tier.providerIdFor,
      createdAt: tier.accountsCreatedAt,
      log: context.log,
    });
    inserted.providers = accounts.inserted;
    const actualId = new Map(tier.staff.map((member) => [tier.providerIdFor(member), accounts.idByKey.get(member.key)!]));
    const appointments = tier.dataset.appointments.map((appointment) => ({
      ...appointment,
      providerId: actualId.get(appointment.providerId) ?? appointment.providerId,
    }));
    await writeClinicDataset(tx, { ...tier.dataset, appointments }, inserted, context.log);
  });
  return inserted;
}
