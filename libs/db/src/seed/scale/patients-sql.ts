// The scale seed's patients, numbered g = 1…N, inserted a chunk at a time by one statement.
import {
  COMMON_LAST_NAMES,
  FEMALE_FIRST_NAMES,
  MALE_FIRST_NAMES,
  NEUTRAL_FIRST_NAMES,
  RARE_NAME_ENDINGS,
  RARE_NAME_MIDDLES,
  RARE_NAME_ONSETS,
  SCALE_RELATIONSHIPS,
  SCALE_STREET_SUFFIXES,
  SCALE_STREETS,
  SCALE_TOWNS,
} from './names.js';
import { ANCHOR, draw, fictionalPhone, pick, pickZipf, scaleId } from './scale-sql.js';

/**
 * Patients who get a visit history: one in fifty, and patient 1, whose history is long (the
 * chart benchmark's patient). They are adults, never archived, and carry no allergy, so the
 * adult prescriptions of their visits never contradict their chart.
 */
export const VISITING = (g: string) => `(${g} % 50 = 7 OR ${g} = 1)`;

/** The parameters of SCALE_PATIENTS_SQL after the chunk's bounds ($1, $2). */
export function scalePatientParameters(): string[][] {
  return [
    [...COMMON_LAST_NAMES],
    [...FEMALE_FIRST_NAMES],
    [...MALE_FIRST_NAMES],
    [...NEUTRAL_FIRST_NAMES],
    [...RARE_NAME_ONSETS],
    [...RARE_NAME_MIDDLES],
    [...RARE_NAME_ENDINGS],
    [...SCALE_STREETS],
    [...SCALE_STREET_SUFFIXES],
    [...SCALE_TOWNS],
    [...SCALE_RELATIONSHIPS],
  ];
}

const [LAST, FEMALE, MALE, NEUTRAL, ONSETS, MIDDLES, ENDINGS, STREETS, SUFFIXES, TOWNS, RELATIONSHIPS] = [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13].map(
  (n) => `$${n}::text[]`,
);

// Six in a hundred patients share a household with the patient numbered before them: same last
// name, phone and address; one in six of those is a twin (same date of birth too).
const household = `CASE WHEN g > 1 AND ${draw('g', 9)} % 100 < 6 THEN g - 1 ELSE g END`;

// 55 % common names (Zipf: a few very frequent), 20 % double-barrelled, 1 % upper-case legacy
// imports, 24 % rare names from about 40,000 combinations.
const lastName = `CASE
    WHEN ${draw('hh', 1)} % 100 < 55 THEN ${pickZipf(LAST, 'hh', 2, 0.65)}
    WHEN ${draw('hh', 1)} % 100 < 75 THEN ${pickZipf(LAST, 'hh', 2, 0.65)} || '-' || ${pickZipf(LAST, 'hh', 3, 0.65)}
    WHEN ${draw('hh', 1)} % 100 < 76 THEN upper(${pickZipf(LAST, 'hh', 2, 0.65)})
    ELSE ${pick(ONSETS, 'hh', 4)} || ${pick(MIDDLES, 'hh', 5)} || ${pick(ENDINGS, 'hh', 6)} END`;

const sex = `CASE WHEN ${draw('g', 7)} % 100 < 49 THEN 'female' WHEN ${draw('g', 7)} % 100 < 98 THEN 'male' ELSE 'other' END`;

const firstName = `CASE
    WHEN ${draw('g', 12)} % 100 < 3 THEN ${pick(ONSETS, 'g', 13)} || ${pick(ENDINGS, 'g', 14)}
    WHEN sex = 'female' THEN ${pickZipf(FEMALE, 'g', 11, 0.6)}
    WHEN sex = 'male' THEN ${pickZipf(MALE, 'g', 11, 0.6)}
    ELSE ${pick(NEUTRAL, 'g', 11)} END`;

const birthDate = (x: string) =>
  `CASE WHEN ${VISITING(x)} THEN date '1935-01-01' + (${draw(x, 15)} % 23741)::int ELSE date '1925-01-01' + (${draw(x, 15)} % 36524)::int END`;
const twin = `(hh <> g AND ${draw('g', 10)} % 6 = 0 AND NOT ${VISITING('g')})`;

const address = `CASE WHEN ${draw('hh', 25)} % 100 < 85 THEN
    (1 + ${draw('hh', 26)} % 9998)::text || ' ' || ${pick(STREETS, 'hh', 27)} || ' ' || ${pick(SUFFIXES, 'hh', 28)} || ', ' || ${pick(TOWNS, 'hh', 29)} END`;

const email = `CASE WHEN ${draw('g', 30)} % 100 < 55 THEN
    regexp_replace(fold_for_search("firstName" || '.' || "lastName"), '[^a-z.]', '', 'g') || (${draw('g', 31)} % 97)::text
      || '@example.' || (ARRAY['org', 'com', 'net'])[1 + ${draw('g', 32)} % 3] END`;

const createdAt = `CASE WHEN g = 1 THEN ${ANCHOR} - interval '3700 days'
    ELSE ${ANCHOR} - (${draw('g', 40)} % 3650) * interval '1 day' - (${draw('g', 41)} % 86400) * interval '1 second' END`;

const archived = `(NOT ${VISITING('g')} AND ${draw('g', 42)} % 100 < 3)`;

/** Inserts patients $1…$2 (inclusive); the other parameters are scalePatientParameters(). */
export const SCALE_PATIENTS_SQL = `
INSERT INTO "patients" ("id", "firstName", "lastName", "dateOfBirth", "sex", "phone", "email", "address",
    "emergencyContactName", "emergencyContactPhone", "emergencyContactRelationship", "archivedAt", "createdAt", "updatedAt")
SELECT "id", "firstName", "lastName", "dateOfBirth", sex::"Sex", "phone", ${email}, "address",
    ${pick(`CASE WHEN ${draw('g', 34)} % 2 = 0 THEN ${FEMALE} ELSE ${MALE} END`, 'g', 35)} || ' ' || "lastName",
    ${fictionalPhone('g', 36)},
    CASE WHEN "dateOfBirth" > date '2007-03-12' THEN 'Parent' ELSE ${pick(RELATIONSHIPS, 'g', 39)} END,
    CASE WHEN ${archived} THEN LEAST(${ANCHOR}, "createdAt" + (${draw('g', 43)} % 365) * interval '1 day') END,
    "createdAt", "createdAt"
FROM (
  SELECT g, ${scaleId('patient', 'g')} AS "id", ${lastName} AS "lastName", ${firstName} AS "firstName",
         CASE WHEN ${twin} THEN ${birthDate('hh')} ELSE ${birthDate('g')} END AS "dateOfBirth",
         sex, ${fictionalPhone('hh', 20)} AS "phone", ${address} AS "address", ${createdAt} AS "createdAt"
  FROM (
    SELECT g, hh, ${sex} AS sex
    FROM (SELECT g, ${household} AS hh FROM generate_series($1::bigint, $2::bigint) AS g) AS numbered
  ) AS people
) AS patients`;

/** True when patient g of the scale seed exists: chunks commit in order, so these form a prefix. */
export const SCALE_PATIENT_EXISTS_SQL = `SELECT EXISTS (SELECT 1 FROM "patients" WHERE "id" = ${scaleId('patient', '$1::bigint')}) AS "exists"`;
