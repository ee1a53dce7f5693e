// The strategy document's naming rules, as one function that lists what a name breaks.
const VERBS = ['add', 'remove', 'update', 'rename', 'create'];
const MAX_DESCRIPTION = 50;

/** The UTC instant a 14-digit timestamp names, or undefined when it names no real instant. */
export function parseTimestamp(digits) {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(digits);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC rolls 30 February over into March; a real timestamp survives the round trip.
  const same =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    date.getUTCHours() === hour &&
    date.getUTCMinutes() === minute &&
    date.getUTCSeconds() === second;
  return same ? date : undefined;
}

/**
 * Problems with a new migration folder's name.
 *   latestOnBase: the newest folder name the base already has (a new one must sort after it,
 *   or Prisma would apply it out of order on databases that already have the base's migrations).
 *   exemptFromVerb: the baseline migration, whose name predates the verb rule.
 */
export function namingProblems(name, { latestOnBase, now = new Date(), exemptFromVerb = false } = {}) {
  const match = /^(\d{14})_(.*)$/.exec(name);
  if (!match) return [`name must be YYYYMMDDHHMMSS_description (got "${name}")`];
  const [, digits, description] = match;
  const problems = [];

  const instant = parseTimestamp(digits);
  if (!instant) problems.push(`timestamp ${digits} is not a real date and time`);
  // Prisma writes these timestamps in UTC; a local time east of UTC looks like the future.
  else if (instant.getTime() > now.getTime()) problems.push(`timestamp ${digits} is in the future (timestamps are UTC: prisma migrate dev writes them)`);

  if (latestOnBase && digits <= latestOnBase.slice(0, 14)) {
    problems.push(`timestamp must be later than the newest migration on the base (${latestOnBase}): rename the folder with a new timestamp`);
  }
  if (!/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/.test(description)) {
    problems.push(`description "${description}" must be snake_case (lower-case words joined by single underscores)`);
  }
  if (!exemptFromVerb && !VERBS.some((verb) => description.startsWith(`${verb}_`))) {
    problems.push(`description must start with one of ${VERBS.map((verb) => `${verb}_`).join(', ')}`);
  }
  if (description.length >= MAX_DESCRIPTION) {
    problems.push(`description is ${description.length} characters; keep it under ${MAX_DESCRIPTION}`);
  }
  return problems;
}
