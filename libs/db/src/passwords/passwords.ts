import { Algorithm, hash, verify } from '@node-rs/argon2';

// OWASP's first argon2id recommendation (Password Storage Cheat Sheet): 19 MiB, 2 passes, 1 lane.
// The API's sign-in and the seeds share this module, so seeded accounts and real ones hash alike.
const ARGON2ID_OPTIONS = {
  algorithm: Algorithm.Argon2id,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** A PHC string (`$argon2id$v=19$m=19456,t=2,p=1$…`) with a fresh random salt. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID_OPTIONS);
}

/** False (never an exception) for a wrong password or a hash that is not argon2. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
