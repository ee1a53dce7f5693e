// The project's database library (@clinic/db, built into libs/db/dist) for the migration tools,
// with one clear stop when it has not been built.

/** `@clinic/db` or one of its entry points (`/environment`, `/migrations` …). */
export async function loadClinicDb(entry = '') {
  try {
    return await import(`@clinic/db${entry}`);
  } catch (error) {
    throw new Error(`cannot load @clinic/db${entry} (${error.message}): build it first with \`npx nx run db:build\``, { cause: error });
  }
}
