import { SeedRefused } from './errors.js';

export const SEED_ENVIRONMENTS = ['development', 'staging', 'production'] as const;

/** Which data a database gets: see docs/seeds.md. */
export type SeedEnvironment = (typeof SEED_ENVIRONMENTS)[number];

/** Unset means development: that is what a newcomer's `npx prisma db seed` should give. */
export function parseSeedEnvironment(value: string | undefined): SeedEnvironment {
  const name = value?.trim() || 'development';
  if ((SEED_ENVIRONMENTS as readonly string[]).includes(name)) return name as SeedEnvironment;
  throw new SeedRefused('unknown-environment', `unknown seed environment "${name}": use one of ${SEED_ENVIRONMENTS.join(', ')}`);
}
