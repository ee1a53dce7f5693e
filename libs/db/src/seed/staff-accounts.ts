import type { Prisma } from '../generated/prisma/client.js';
import { hashPassword } from '../passwords/index.js';
import type { SeedLog } from './progress.js';
import type { StaffMember } from './staff.js';

export interface StaffAccounts {
  /** Provider id per staff key: the seeded id, or the id of an account that already had the email. */
  idByKey: Map<string, string>;
  inserted: number;
}

/**
 * Creates the accounts that do not exist yet. Existing ones are left alone (their password
 * included): argon2 salts are random, so re-hashing would change the row on every run.
 */
export async function ensureStaffAccounts(
  tx: Prisma.TransactionClient,
  staff: readonly StaffMember[],
  options: { password: string; idFor: (member: StaffMember) => string; createdAt?: Date; log: SeedLog },
): Promise<StaffAccounts> {
  const emails = staff.map((member) => member.email);
  const existing = await tx.provider.findMany({ where: { email: { in: emails } }, select: { email: true } });
  const present = new Set(existing.map((provider) => provider.email));
  const missing = staff.filter((member) => !present.has(member.email));

  const passwordHashes = await Promise.all(missing.map(() => hashPassword(options.password)));
  const { count } = await tx.provider.createMany({
    data: missing.map((member, index) => ({
      id: options.idFor(member),
      email: member.email,
      passwordHash: passwordHashes[index]!,
      firstName: member.firstName,
      lastName: member.lastName,
      specialty: member.specialty,
      licenseNumber: member.licenseNumber,
      phone: member.phone,
      role: member.role,
      ...(options.createdAt && { createdAt: options.createdAt, updatedAt: options.createdAt }),
    })),
    skipDuplicates: true,
  });
  options.log(`providers ${staff.length}/${staff.length}`);

  const accounts = await tx.provider.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } });
  const idByEmail = new Map(accounts.map((account) => [account.email, account.id]));
  return { idByKey: new Map(staff.map((member) => [member.key, idByEmail.get(member.email)!])), inserted: count };
}
