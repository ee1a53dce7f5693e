// The guard every command that drops data goes through (@clinic/db/environment): it runs on a
// development database, or one without tables, or when the operator names the database with
// --i-know-this-is-<database>.
import { loadClinicDb } from './clinic-db.mjs';

/** Splits `--i-know-this-is-<database>` off the arguments, before the tool parses them. */
export async function takeConfirmation(argv) {
  return (await loadClinicDb('/environment')).takeConfirmation(argv);
}

/**
 * Resolves when `command` may drop data in the database at `url`; otherwise rejects with a
 * DestructiveCommandRefused whose message names the database and the confirmation to give.
 */
export async function assertMayDestroyData(url, command, confirmation) {
  return (await loadClinicDb('/environment')).assertMayDestroyData(url, command, confirmation);
}

/** Whether an error is the guard's refusal (printed as it is, without a stack). */
export function isRefusal(error) {
  return error?.name === 'DestructiveCommandRefused';
}
