/** Why a seed would not run; the CLI prints the message alone, without a stack trace. */
export type SeedRefusalReason =
  | 'unknown-environment'
  | 'missing-admin-email'
  | 'invalid-admin-email'
  | 'missing-admin-password'
  | 'weak-admin-password'
  | 'weak-staging-password';

/**
 * A seed that refuses to run because of its inputs (never because of the database). Nothing has
 * been written when it is thrown: every check happens before the first query.
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
