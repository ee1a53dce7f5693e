import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes, base64url: unguessable, so a fast hash is enough to store it safely. */
export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What the database keeps instead of the token: a stolen copy of the table signs nobody in. */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
