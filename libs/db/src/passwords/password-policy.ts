/**
 * The one password of every development (and, unless overridden, staging) account. It is public,
 * in docs/seeds.md, so the policy refuses it for any real account.
 */
export const DEVELOPMENT_PASSWORD = 'DevOnly-Clinic-2025!';

export const MINIMUM_PASSWORD_LENGTH = 12;

// Passwords that pass the character rules yet are the first guesses of any attacker.
const DENIED_PASSWORDS = [
  'Password123!',
  'Password1234!',
  'P@ssw0rd1234',
  'P@ssword1234',
  'ChangeMe123!',
  'Changeme123!',
  'Welcome123!!',
  'Welcome12345!',
  'Admin123456!',
  'Administrator1!',
  'Qwerty123456!',
  'Letmein12345!',
  'Clinic123456!',
];

/**
 * What is wrong with a password for a real account, as phrases for one message; empty when it
 * is acceptable. The password itself never appears in the result.
 */
export function passwordWeaknesses(password: string): string[] {
  const folded = password.toLowerCase();
  if (folded === DEVELOPMENT_PASSWORD.toLowerCase()) return ['it is the published development password'];
  if (DENIED_PASSWORDS.some((denied) => denied.toLowerCase() === folded)) return ['it is a commonly guessed password'];

  const weaknesses: string[] = [];
  if (password.length < MINIMUM_PASSWORD_LENGTH) weaknesses.push(`it needs at least ${MINIMUM_PASSWORD_LENGTH} characters`);
  if (!/[a-z]/.test(password)) weaknesses.push('it needs a lowercase letter');
  if (!/[A-Z]/.test(password)) weaknesses.push('it needs an uppercase letter');
  if (!/[0-9]/.test(password)) weaknesses.push('it needs a digit');
  if (!/[^A-Za-z0-9]/.test(password)) weaknesses.push('it needs a symbol');
  return weaknesses;
}

// Deliberately loose: the one check that matters is that the operator typed an address at all.
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/;

export function isPlausibleEmail(email: string): boolean {
  return email.length <= 255 && EMAIL_PATTERN.test(email);
}
