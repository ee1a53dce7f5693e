import type { Weighted } from '../random.js';

export type AgeBand = 'child' | 'young_adult' | 'adult' | 'older_adult';

export function ageBandOf(age: number): AgeBand {
  if (age < 18) return 'child';
  if (age < 40) return 'young_adult';
  if (age < 65) return 'adult';
  return 'older_adult';
}

/**
 * The chronic_conditions.status values the seeds use. The column is free text (default
 * 'active'); these four are the vocabulary the API should expect.
 */
export type ConditionStatus = 'active' | 'controlled' | 'in_remission' | 'resolved';

export interface ConditionEntry {
  name: string;
  /** Share of patients in each age band who have it (0 when it does not occur there). */
  prevalence: Readonly<Record<AgeBand, number>>;
  /** Youngest plausible age at diagnosis. */
  onsetAge: number;
  statuses: Weighted<ConditionStatus>;
  notes: readonly string[];
}

export const CHRONIC_CONDITIONS: readonly ConditionEntry[] = [
  {
    name: 'Essential hypertension',
    prevalence: { child: 0, young_adult: 0.06, adult: 0.3, older_adult: 0.55 },
    onsetAge: 25,
    statuses: [['controlled', 6], ['active', 4]],
    notes: ['Home blood pressure log reviewed at each visit.', 'Goal below 130/80 mmHg.', 'Low-sodium diet discussed.'],
  },
  {
    name: 'Type 2 diabetes mellitus',
    prevalence: { child: 0, young_adult: 0.03, adult: 0.12, older_adult: 0.22 },
    onsetAge: 28,
    statuses: [['controlled', 5], ['active', 5]],
    notes: ['HbA1c every 3 months.', 'Annual diabetic eye exam due.', 'Foot exam normal at last check.'],
  },
  {
    name: 'Hyperlipidemia',
    prevalence: { child: 0, young_adult: 0.04, adult: 0.25, older_adult: 0.45 },
    onsetAge: 30,
    statuses: [['controlled', 7], ['active', 3]],
    notes: ['Fasting lipid panel yearly.', 'On statin therapy.'],
  },
  {
    name: 'Asthma',
    prevalence: { child: 0.1, young_adult: 0.08, adult: 0.07, older_adult: 0.05 },
    onsetAge: 3,
    statuses: [['active', 4], ['controlled', 5], ['in_remission', 1]],
    notes: ['Triggers: exercise and cold air.', 'Asthma action plan on file.', 'Uses spacer with inhaler.'],
  },
  {
    name: 'Atopic dermatitis',
    prevalence: { child: 0.08, young_adult: 0.02, adult: 0, older_adult: 0 },
    onsetAge: 1,
    statuses: [['active', 5], ['controlled', 4], ['resolved', 1]],
    notes: ['Flares in winter.', 'Daily emollient recommended.'],
  },
  {
    name: 'Hypothyroidism',
    prevalence: { child: 0, young_adult: 0.03, adult: 0.06, older_adult: 0.1 },
    onsetAge: 18,
    statuses: [['controlled', 8], ['active', 2]],
    notes: ['TSH checked every 6–12 months.', 'Take levothyroxine on an empty stomach.'],
  },
  {
    name: 'Gastroesophageal reflux disease',
    prevalence: { child: 0, young_adult: 0.05, adult: 0.1, older_adult: 0.12 },
    onsetAge: 18,
    statuses: [['controlled', 5], ['active', 4], ['resolved', 1]],
    notes: ['Symptoms worse after late meals.', 'Trial off PPI discussed.'],
  },
  {
    name: 'Major depressive disorder, recurrent',
    prevalence: { child: 0, young_adult: 0.07, adult: 0.07, older_adult: 0.04 },
    onsetAge: 16,
    statuses: [['active', 4], ['in_remission', 5], ['controlled', 1]],
    notes: ['PHQ-9 tracked at visits.', 'Seeing a therapist every two weeks.'],
  },
  {
    name: 'Generalized anxiety disorder',
    prevalence: { child: 0, young_adult: 0.08, adult: 0.06, older_adult: 0.03 },
    onsetAge: 16,
    statuses: [['active', 5], ['controlled', 4], ['in_remission', 1]],
    notes: ['GAD-7 tracked at visits.', 'Cognitive behavioural therapy ongoing.'],
  },
  {
    name: 'Migraine without aura',
    prevalence: { child: 0, young_adult: 0.06, adult: 0.04, older_adult: 0.01 },
    onsetAge: 12,
    statuses: [['active', 6], ['controlled', 4]],
    notes: ['Headache diary reviewed.', 'Triggers: poor sleep, skipped meals.'],
  },
  {
    name: 'Osteoarthritis of knee',
    prevalence: { child: 0, young_adult: 0, adult: 0.1, older_adult: 0.3 },
    onsetAge: 45,
    statuses: [['active', 8], ['controlled', 2]],
    notes: ['Physical therapy completed last year.', 'Weight loss encouraged to reduce joint load.'],
  },
  {
    name: 'Chronic obstructive pulmonary disease',
    prevalence: { child: 0, young_adult: 0, adult: 0.03, older_adult: 0.08 },
    onsetAge: 45,
    statuses: [['active', 6], ['controlled', 4]],
    notes: ['Former smoker, 30 pack-years.', 'Spirometry: moderate obstruction.'],
  },
  {
    name: 'Atrial fibrillation',
    prevalence: { child: 0, young_adult: 0, adult: 0.02, older_adult: 0.08 },
    onsetAge: 50,
    statuses: [['controlled', 7], ['active', 3]],
    notes: ['On anticoagulation; CHA2DS2-VASc reviewed.', 'Rate controlled.'],
  },
  {
    name: 'Chronic kidney disease, stage 3a',
    prevalence: { child: 0, young_adult: 0, adult: 0.02, older_adult: 0.1 },
    onsetAge: 50,
    statuses: [['active', 7], ['controlled', 3]],
    notes: ['eGFR 45–59; recheck every 6 months.', 'Avoid NSAIDs.'],
  },
];
