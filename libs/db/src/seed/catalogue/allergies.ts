import type { AllergySeverity } from '../../generated/prisma/client.js';

export interface AllergenEntry {
  allergen: string;
  /** How common it is among patients with any allergy (relative weight). */
  weight: number;
  /** Reactions a chart would record, each with the severity it usually carries. */
  reactions: readonly (readonly [reaction: string, severity: AllergySeverity])[];
  /**
   * Medications a clinician would not prescribe to someone with this allergy (cross-reactivity
   * included), so the seeded prescriptions never contradict the seeded allergy list.
   */
  avoidMedications: readonly string[];
  childhoodOnset: boolean;
}

const PENICILLINS = ['Amoxicillin', 'Amoxicillin-clavulanate', 'Penicillin V potassium'];
const NSAIDS = ['Ibuprofen', 'Naproxen', 'Diclofenac sodium topical gel'];

export const ALLERGENS: readonly AllergenEntry[] = [
  {
    allergen: 'Penicillin',
    weight: 20,
    reactions: [['Hives', 'moderate'], ['Maculopapular rash', 'mild'], ['Anaphylaxis', 'life_threatening'], ['Angioedema', 'severe']],
    avoidMedications: PENICILLINS,
    childhoodOnset: true,
  },
  {
    allergen: 'Amoxicillin',
    weight: 6,
    reactions: [['Rash', 'mild'], ['Hives', 'moderate']],
    avoidMedications: PENICILLINS,
    childhoodOnset: true,
  },
  {
    allergen: 'Sulfa drugs (sulfonamide antibiotics)',
    weight: 10,
    reactions: [['Rash', 'mild'], ['Hives', 'moderate'], ['Stevens-Johnson syndrome', 'life_threatening']],
    avoidMedications: ['Sulfamethoxazole-trimethoprim'],
    childhoodOnset: false,
  },
  {
    allergen: 'Codeine',
    weight: 5,
    reactions: [['Nausea and vomiting', 'mild'], ['Itching', 'mild'], ['Respiratory depression', 'severe']],
    avoidMedications: ['Codeine'],
    childhoodOnset: false,
  },
  {
    allergen: 'Ibuprofen',
    weight: 4,
    reactions: [['Hives', 'moderate'], ['Bronchospasm', 'severe']],
    avoidMedications: NSAIDS,
    childhoodOnset: false,
  },
  {
    allergen: 'Aspirin',
    weight: 3,
    reactions: [['Wheezing', 'severe'], ['Hives', 'moderate']],
    avoidMedications: ['Aspirin', ...NSAIDS],
    childhoodOnset: false,
  },
  {
    allergen: 'Iodinated contrast media',
    weight: 2,
    reactions: [['Hives', 'moderate'], ['Anaphylactoid reaction', 'severe']],
    avoidMedications: [],
    childhoodOnset: false,
  },
  {
    allergen: 'Peanuts',
    weight: 9,
    reactions: [['Anaphylaxis', 'life_threatening'], ['Lip and tongue swelling', 'severe'], ['Hives', 'moderate'], ['Itchy mouth', 'mild']],
    avoidMedications: [],
    childhoodOnset: true,
  },
  {
    allergen: 'Tree nuts',
    weight: 5,
    reactions: [['Anaphylaxis', 'life_threatening'], ['Hives', 'moderate'], ['Itchy throat', 'mild']],
    avoidMedications: [],
    childhoodOnset: true,
  },
  {
    allergen: 'Shellfish',
    weight: 7,
    reactions: [['Hives', 'moderate'], ['Throat tightness', 'severe'], ['Vomiting', 'moderate'], ['Anaphylaxis', 'life_threatening']],
    avoidMedications: [],
    childhoodOnset: false,
  },
  {
    allergen: 'Eggs',
    weight: 3,
    reactions: [['Eczema flare', 'mild'], ['Hives', 'moderate']],
    avoidMedications: [],
    childhoodOnset: true,
  },
  {
    allergen: 'Latex',
    weight: 6,
    reactions: [['Contact dermatitis', 'mild'], ['Hives', 'moderate'], ['Anaphylaxis', 'life_threatening']],
    avoidMedications: [],
    childhoodOnset: false,
  },
  {
    allergen: 'Bee venom',
    weight: 4,
    reactions: [['Large local swelling', 'moderate'], ['Anaphylaxis', 'life_threatening']],
    avoidMedications: [],
    childhoodOnset: true,
  },
  {
    allergen: 'Grass and tree pollen',
    weight: 8,
    reactions: [['Sneezing and itchy eyes', 'mild'], ['Nasal congestion', 'mild']],
    avoidMedications: [],
    childhoodOnset: true,
  },
  {
    allergen: 'Dust mites',
    weight: 5,
    reactions: [['Nasal congestion', 'mild'], ['Wheezing', 'moderate']],
    avoidMedications: [],
    childhoodOnset: true,
  },
  {
    allergen: 'Cat dander',
    weight: 5,
    reactions: [['Sneezing and itchy eyes', 'mild'], ['Wheezing', 'moderate']],
    avoidMedications: [],
    childhoodOnset: true,
  },
];

/** Medications to avoid for a patient's allergen list. */
export function medicationsToAvoid(allergens: readonly string[]): Set<string> {
  const avoid = new Set<string>();
  for (const entry of ALLERGENS) {
    if (allergens.includes(entry.allergen)) for (const medication of entry.avoidMedications) avoid.add(medication);
  }
  return avoid;
}
