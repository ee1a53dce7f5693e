import type { AllergySeverity, Prisma, Sex } from '../../generated/prisma/client.js';
import { addDays, ageOn, startOfDay } from '../calendar.js';
import { ALLERGENS, medicationsToAvoid } from '../catalogue/allergies.js';
import { type AgeBand, ageBandOf, CHRONIC_CONDITIONS, type ConditionStatus } from '../catalogue/conditions.js';
import {
  ADULT_EMERGENCY_RELATIONSHIPS,
  AREA_CODES,
  EMAIL_DOMAINS,
  FEMALE_FIRST_NAMES,
  LAST_NAMES,
  MALE_FIRST_NAMES,
  MINOR_EMERGENCY_RELATIONSHIPS,
  NEUTRAL_FIRST_NAMES,
  STATE,
  STREET_NAMES,
  STREET_SUFFIXES,
  TOWNS,
} from '../catalogue/people.js';
import type { SeedIds } from '../ids.js';
import type { SeededRandom } from '../random.js';

export interface ChartedCondition {
  name: string;
  status: ConditionStatus;
  diagnosisDate: Date | null;
  notes: string | null;
}

export interface ChartedAllergy {
  allergen: string;
  reaction: string;
  severity: AllergySeverity | null;
  onsetDate: Date | null;
}

/** A synthetic patient, with what later generators need to chart believable visits. */
export interface PatientProfile {
  id: string;
  index: number;
  firstName: string;
  lastName: string;
  sex: Sex;
  dateOfBirth: Date;
  phone: string;
  email: string | null;
  address: string | null;
  emergencyContactName: string;
  emergencyContactPhone: string;
  emergencyContactRelationship: string;
  conditions: ChartedCondition[];
  allergies: ChartedAllergy[];
  medicationsToAvoid: Set<string>;
  /** Stable body measurements; each visit's vitals vary around them. */
  heightCm: number;
  usualBmi: number;
}

const AGE_BANDS: readonly (readonly [AgeBand, number])[] = [
  ['child', 12],
  ['young_adult', 28],
  ['adult', 35],
  ['older_adult', 25],
];

const AGE_RANGES: Record<AgeBand, readonly [number, number]> = {
  child: [1, 17],
  young_adult: [18, 39],
  adult: [40, 64],
  older_adult: [65, 94],
};

/** A number in the 555-0100…555-0199 block, reserved for fiction in North America. */
export function fictionalPhone(random: SeededRandom): string {
  return `(${random.pick(AREA_CODES)}) 555-01${String(random.int(0, 99)).padStart(2, '0')}`;
}

function firstNameFor(random: SeededRandom, sex: Sex): string {
  if (sex === 'female') return random.pick(FEMALE_FIRST_NAMES);
  if (sex === 'male') return random.pick(MALE_FIRST_NAMES);
  return random.pick(NEUTRAL_FIRST_NAMES);
}

function emailFor(random: SeededRandom, firstName: string, lastName: string, taken: Set<string>): string {
  const localPart = `${firstName}.${lastName}`.toLowerCase().replace(/[^a-z.]/g, '');
  const domain = random.pick(EMAIL_DOMAINS);
  let email = `${localPart}@${domain}`;
  for (let suffix = random.int(2, 98); taken.has(email); suffix++) email = `${localPart}${suffix}@${domain}`;
  taken.add(email);
  return email;
}

function addressFor(random: SeededRandom): string {
  const [town, zip] = random.pick(TOWNS);
  return `${random.int(3, 980)} ${random.pick(STREET_NAMES)} ${random.pick(STREET_SUFFIXES)}, ${town}, ${STATE} ${zip}`;
}

/** A date between two others, at midnight: for `@db.Date` columns. */
function dayBetween(random: SeededRandom, from: Date, to: Date): Date | null {
  if (to <= from) return null;
  return startOfDay(new Date(from.getTime() + Math.floor(random.next() * (to.getTime() - from.getTime()))));
}

function yearsAfter(date: Date, years: number): Date {
  return addDays(date, Math.round(years * 365.25));
}

function chartConditions(random: SeededRandom, band: AgeBand, dateOfBirth: Date, age: number, anchor: Date): ChartedCondition[] {
  const conditions: ChartedCondition[] = [];
  for (const entry of CHRONIC_CONDITIONS) {
    if (conditions.length >= 4 || age < entry.onsetAge || !random.chance(entry.prevalence[band])) continue;
    const diagnosed = dayBetween(random, yearsAfter(dateOfBirth, entry.onsetAge), addDays(anchor, -30));
    conditions.push({
      name: entry.name,
      status: random.weighted(entry.statuses),
      diagnosisDate: random.chance(0.9) ? diagnosed : null,
      notes: random.chance(0.6) ? random.pick(entry.notes) : null,
    });
  }
  return conditions;
}

function chartAllergies(random: SeededRandom, band: AgeBand, dateOfBirth: Date, anchor: Date): ChartedAllergy[] {
  if (!random.chance(band === 'child' ? 0.25 : 0.38)) return [];
  const candidates = ALLERGENS.filter((entry) => band !== 'child' || entry.childhoodOnset);
  const count = random.weighted([
    [1, 70],
    [2, 22],
    [3, 8],
  ] as const);
  const allergies: ChartedAllergy[] = [];
  while (allergies.length < count) {
    const entry = random.weighted(candidates.map((candidate) => [candidate, candidate.weight] as const));
    if (allergies.some((allergy) => allergy.allergen === entry.allergen)) continue;
    const [reaction, severity] = random.pick(entry.reactions);
    const firstPossibleOnset = yearsAfter(dateOfBirth, entry.childhoodOnset ? 1 : 16);
    allergies.push({
      allergen: entry.allergen,
      reaction,
      severity: random.chance(0.95) ? severity : null,
      onsetDate: random.chance(0.65) ? dayBetween(random, firstPossibleOnset, addDays(anchor, -30)) : null,
    });
  }
  return allergies;
}

function bodyFor(random: SeededRandom, sex: Sex, age: number, conditions: ChartedCondition[]): { heightCm: number; usualBmi: number } {
  if (age < 18) {
    const childHeight = age <= 12 ? 76 + 6.2 * (age - 1) : Math.min(sex === 'male' ? 178 : 166, 144 + (age - 12) * (sex === 'male' ? 6.5 : 4));
    return { heightCm: random.around(childHeight, 4, 70, 190), usualBmi: random.around(17, 1.8, 14, 23) };
  }
  const [mean, spread] = sex === 'female' ? [163, 6.5] : sex === 'male' ? [177, 7] : [170, 8];
  const diabetic = conditions.some((condition) => condition.name === 'Type 2 diabetes mellitus');
  return { heightCm: random.around(mean, spread, 148, 200), usualBmi: random.around(diabetic ? 30 : 26.5, 4.5, 18.5, 42) };
}

function emergencyContactFor(random: SeededRandom, lastName: string, age: number): { name: string; relationship: string } {
  const relationship = random.pick(age < 18 ? MINOR_EMERGENCY_RELATIONSHIPS : ADULT_EMERGENCY_RELATIONSHIPS);
  const sex: Sex = relationship === 'Mother' ? 'female' : relationship === 'Father' ? 'male' : random.pick(['female', 'male'] as const);
  const family = relationship !== 'Friend' && relationship !== 'Partner' && random.chance(0.8);
  return { name: `${firstNameFor(random, sex)} ${family ? lastName : random.pick(LAST_NAMES)}`, relationship };
}

export function createPatientProfiles(random: SeededRandom, count: number, ids: SeedIds, anchor: Date): PatientProfile[] {
  const takenEmails = new Set<string>();
  return Array.from({ length: count }, (_, index) => {
    const band = random.weighted(AGE_BANDS);
    const [youngest, oldest] = AGE_RANGES[band];
    const dateOfBirth = startOfDay(addDays(anchor, -Math.round(random.int(youngest, oldest) * 365.25) - random.int(1, 360)));
    const age = ageOn(dateOfBirth, anchor);
    const sex = random.weighted<Sex>([
      ['female', 51],
      ['male', 47],
      ['other', 2],
    ]);
    const firstName = firstNameFor(random, sex);
    const lastName = random.pick(LAST_NAMES);
    const conditions = chartConditions(random, ageBandOf(age), dateOfBirth, age, anchor);
    const allergies = chartAllergies(random, ageBandOf(age), dateOfBirth, anchor);
    const contact = emergencyContactFor(random, lastName, age);
    return {
      id: ids('patient', index),
      index,
      firstName,
      lastName,
      sex,
      dateOfBirth,
      phone: fictionalPhone(random),
      email: age >= 13 && random.chance(0.85) ? emailFor(random, firstName, lastName, takenEmails) : null,
      address: random.chance(0.92) ? addressFor(random) : null,
      emergencyContactName: contact.name,
      emergencyContactPhone: fictionalPhone(random),
      emergencyContactRelationship: contact.relationship,
      conditions,
      allergies,
      medicationsToAvoid: medicationsToAvoid(allergies.map((allergy) => allergy.allergen)),
      ...bodyFor(random, sex, age, conditions),
    };
  });
}

export interface PatientChart {
  patient: Prisma.PatientCreateManyInput;
  allergies: Prisma.AllergyCreateManyInput[];
  chronicConditions: Prisma.ChronicConditionCreateManyInput[];
}

/** The rows of a patient's chart. History (allergies, conditions) is taken at registration. */
export function patientChartRows(profile: PatientProfile, registeredAt: Date, ids: SeedIds): PatientChart {
  return {
    patient: {
      id: profile.id,
      firstName: profile.firstName,
      lastName: profile.lastName,
      dateOfBirth: profile.dateOfBirth,
      sex: profile.sex,
      phone: profile.phone,
      email: profile.email,
      address: profile.address,
      emergencyContactName: profile.emergencyContactName,
      emergencyContactPhone: profile.emergencyContactPhone,
      emergencyContactRelationship: profile.emergencyContactRelationship,
      createdAt: registeredAt,
      updatedAt: registeredAt,
    },
    allergies: profile.allergies.map((allergy, position) => ({
      id: ids('allergy', profile.index, position),
      patientId: profile.id,
      allergen: allergy.allergen,
      reaction: allergy.reaction,
      severity: allergy.severity,
      onsetDate: allergy.onsetDate,
      createdAt: registeredAt,
    })),
    chronicConditions: profile.conditions.map((condition, position) => ({
      id: ids('chronic-condition', profile.index, position),
      patientId: profile.id,
      conditionName: condition.name,
      diagnosisDate: condition.diagnosisDate,
      status: condition.status,
      notes: condition.notes,
      createdAt: registeredAt,
    })),
  };
}
