/** Why a seed would not run; the CLI prints the message alone, without a stack trace. */
export type SeedRefusalReason =
  | 'unknown-environment'
  | 'missing-admin-email'
  | 'invalid-admin-email'
  | 'missing-admin-password'
  | 'weak-admin-password'
  | 'weak-staging-password'
  | 'marked-for-another-environment'
  | 'unmarked-database'
  | 'unmigrated-database'
  | 'invalid-patient-count';

/**
 * A seed that refuses to run because of its inputs or because the database is not one for this
 * tier (see database_environment). Nothing has been written when it is thrown: every check
 * happens before the first write.
 */
export class SeedRefused extends Error {
  override readonly name = 'SeedRefused';

  constructor(
    readonly reason: SeedRefusalReason,
    message: string,
  ) {
    super(message);
  }
}
