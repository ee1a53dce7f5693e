// Pieces shared by the scale seed's set-based statements. Every value of a generated row is a
// function of its number g (and of a salt per concern), so a chunk can be inserted by one
// INSERT … SELECT over generate_series, and a second run can tell which rows exist already.

/** A uniform integer in [0, 2^31) drawn from row number `g` and a salt, the same on every run. */
export function draw(g: string, salt: number): string {
  return `(hashint8extended(${g}, ${salt}) & 2147483647)`;
}

/** A uniform index into a 1-based SQL array parameter. */
export function pick(array: string, g: string, salt: number): string {
  return `(${array})[1 + ${draw(g, salt)} % cardinality(${array})]`;
}

/**
 * An index into a 1-based SQL array parameter drawn with Zipf-like weights 1 / rank^exponent
 * (0 < exponent < 1): the first entries are by far the most frequent, the last ones rare. It
 * inverts the continuous approximation of the distribution, so it costs a few float operations
 * per row, where an urn of repeated names would make every array lookup walk a long array.
 */
export function pickZipf(array: string, g: string, salt: number, exponent: number): string {
  const n = `cardinality(${array})`;
  const u = `(${draw(g, salt)}::float8 / 2147483648)`;
  const rank = `floor(power(1 + ${u} * (power(${n}, ${1 - exponent}) - 1), ${1 / (1 - exponent)}))::int`;
  return `(${array})[LEAST(${n}, GREATEST(1, ${rank}))]`;
}

/**
 * A stable id for the scale seed's row: the MD5 of its name with the version nibble set to 8
 * (RFC 9562's custom version) and the RFC variant, so every UUID validator accepts it.
 */
export function scaleId(kind: string, ...keys: string[]): string {
  const name = [`'scale/${kind}'`, ...keys.map((key) => `(${key})::text`)].join(` || '/' || `);
  return `overlay(overlay(md5(${name}) placing '8' from 13 for 1) placing '8' from 17 for 1)::uuid`;
}

/**
 * A phone number in area codes 000–099: North American area codes never begin with 0, so no
 * generated number can be a real one, yet numbers are mostly distinct and share prefixes the way
 * a region's numbers do.
 */
export function fictionalPhone(g: string, salt: number): string {
  const area = `lpad((${draw(g, salt)} % 100)::text, 2, '0')`;
  const exchange = `(200 + ${draw(g, salt + 1)} % 800)::text`;
  const line = `lpad((${draw(g, salt + 2)} % 10000)::text, 4, '0')`;
  return `'(0' || ${area} || ') ' || ${exchange} || '-' || ${line}`;
}

/** The seeded clinic's "now" (calendar.ts ANCHOR_DATE), as SQL. */
export const ANCHOR = `'2025-03-12 11:00:00'::timestamp`;
