import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../../generated/prisma/client.js';
import { type InsertedRows, noRowsInserted } from '../dataset.js';
import { SeedRefused } from '../errors.js';
import { isPlausibleEmail, passwordWeaknesses } from '../../passwords/index.js';
import { verifyPassword } from '../../passwords/index.js';
import { ensureStaffAccounts } from '../staff-accounts.js';
import type { StaffMember } from '../staff.js';
import { inSeedTransaction } from '../transaction.js';
import type { TierContext } from './context.js';

export interface ProductionAdmin {
  member: StaffMember;
  password: string;
}

/**
 * The first administrator, entirely from the operator's environment. There is no default for
 * anything secret: a missing or weak password refuses the seed before any query.
 */
export function productionAdminFrom(env: TierContext['env']): ProductionAdmin {
  const email = env.SEED_ADMIN_EMAIL?.trim().toLowerCase();
  if (!email) throw new SeedRefused('missing-admin-email', 'SEED_ADMIN_EMAIL is not set: the production seed needs the first administrator\'s email');
  if (!isPlausibleEmail(email)) throw new SeedRefused('invalid-admin-email', `SEED_ADMIN_EMAIL "${email}" is not an email address`);

  const password = env.SEED_ADMIN_PASSWORD;
  if (!password) throw new SeedRefused('missing-admin-password', 'SEED_ADMIN_PASSWORD is not set: the production seed has no default password');
  const weaknesses = passwordWeaknesses(password);
  if (weaknesses.length > 0) throw new SeedRefused('weak-admin-password', `SEED_ADMIN_PASSWORD is too weak: ${weaknesses.join('; ')}`);

  return {
    member: {
      key: 'admin',
      role: 'admin',
      email,
      firstName: env.SEED_ADMIN_FIRST_NAME?.trim() || 'Clinic',
      lastName: env.SEED_ADMIN_LAST_NAME?.trim() || 'Administrator',
      specialty: null,
      licenseNumber: null,
      phone: null,
    },
    password,
  };
}

/** The default provider only. An existing account with that email is never modified. */
export async function seedProduction(prisma: PrismaClient, context: TierContext): Promise<InsertedRows> {
  const admin = productionAdminFrom(context.env);
  context.log(`Seeding production: the administrator account ${admin.member.email}`);
  const inserted = noRowsInserted();
  await inSeedTransaction(prisma, async (tx) => {
    const existing = await tx.provider.findUnique({ where: { email: admin.member.email }, select: { passwordHash: true } });
    if (existing) {
      context.log(`providers 1/1 (${admin.member.email} already exists and is left unchanged)`);
      if (!(await verifyPassword(existing.passwordHash, admin.password))) {
        context.log('note: SEED_ADMIN_PASSWORD is not that account\'s password; the seed never changes passwords');
      }
      return;
    }
    // A random id: a name-based one would be a hash of the administrator's email.
    const accounts = await ensureStaffAccounts(tx, [admin.member], { password: admin.password, idFor: () => randomUUID(), log: context.log });
    inserted.providers = accounts.inserted;
  });
  return inserted;
}
