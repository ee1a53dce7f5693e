// Prescriptions the seeded clinicians write. Doses are usual adult (or weight-based paediatric)
// regimens: plausible for a demo chart, not clinical guidance.

export interface WeightBasedDose {
  milligramsPerKg: number;
  milligramsPerMillilitre: number;
  maximumMilligrams: number;
  dosesPerDay: number;
  days: number;
}

export interface PrescriptionTemplate {
  medicationName: string;
  strength: string;
  /** Ignored when `weightBasedDose` is set: the dose is then worked out from the visit's weight. */
  dosage: string;
  frequency: string;
  duration: string | null;
  quantity: number;
  refills: number;
  instructions: string;
  indication: string;
  weightBasedDose?: WeightBasedDose;
  /** What is prescribed instead for a patient allergic to this medication. */
  alternative?: PrescriptionTemplate;
}

export const ACETAMINOPHEN: PrescriptionTemplate = {
  medicationName: 'Acetaminophen',
  strength: '500 mg tablet',
  dosage: '2 tablets',
  frequency: 'every 6 hours as needed',
  duration: '10 days',
  quantity: 60,
  refills: 0,
  instructions: 'Do not take more than 3,000 mg in 24 hours; avoid other products containing acetaminophen.',
  indication: 'Pain',
};

export const CHILDRENS_ACETAMINOPHEN: PrescriptionTemplate = {
  medicationName: 'Acetaminophen oral suspension',
  strength: '160 mg/5 mL',
  dosage: '',
  frequency: 'every 6 hours as needed',
  duration: '3 days',
  quantity: 120,
  refills: 0,
  instructions: 'Use the dosing syringe provided; no more than 5 doses in 24 hours.',
  indication: 'Fever or pain',
  weightBasedDose: { milligramsPerKg: 15, milligramsPerMillilitre: 32, maximumMilligrams: 650, dosesPerDay: 4, days: 3 },
};

export const BENZONATATE: PrescriptionTemplate = {
  medicationName: 'Benzonatate',
  strength: '100 mg capsule',
  dosage: '1 capsule',
  frequency: 'three times daily as needed for cough',
  duration: '7 days',
  quantity: 21,
  refills: 0,
  instructions: 'Swallow whole; do not chew or break the capsule.',
  indication: 'Cough',
};

export const FLUTICASONE_NASAL: PrescriptionTemplate = {
  medicationName: 'Fluticasone propionate nasal spray',
  strength: '50 mcg/spray',
  dosage: '2 sprays in each nostril',
  frequency: 'once daily',
  duration: '30 days',
  quantity: 1,
  refills: 1,
  instructions: 'Prime before first use; aim away from the middle of the nose.',
  indication: 'Nasal congestion',
};

export const ALBUTEROL: PrescriptionTemplate = {
  medicationName: 'Albuterol sulfate HFA inhaler',
  strength: '90 mcg/actuation',
  dosage: '2 puffs',
  frequency: 'every 4 to 6 hours as needed for wheeze',
  duration: null,
  quantity: 1,
  refills: 2,
  instructions: 'Shake well and use with a spacer; seek care if needed more than every 4 hours.',
  indication: 'Wheezing and shortness of breath',
};

export const AZITHROMYCIN: PrescriptionTemplate = {
  medicationName: 'Azithromycin',
  strength: '250 mg tablet',
  dosage: '2 tablets on day 1, then 1 tablet',
  frequency: 'once daily',
  duration: '5 days',
  quantity: 6,
  refills: 0,
  instructions: 'Take 2 tablets on day 1, then 1 tablet daily on days 2 to 5.',
  indication: 'Bacterial infection (penicillin allergy)',
};

export const IBUPROFEN: PrescriptionTemplate = {
  medicationName: 'Ibuprofen',
  strength: '600 mg tablet',
  dosage: '1 tablet',
  frequency: 'every 8 hours with food',
  duration: '7 days',
  quantity: 21,
  refills: 0,
  instructions: 'Take with food; stop and call if you notice black stools or stomach pain.',
  indication: 'Pain and swelling',
  alternative: ACETAMINOPHEN,
};

export const CETIRIZINE: PrescriptionTemplate = {
  medicationName: 'Cetirizine',
  strength: '10 mg tablet',
  dosage: '1 tablet',
  frequency: 'once daily',
  duration: '30 days',
  quantity: 30,
  refills: 2,
  instructions: 'May cause mild drowsiness; take in the evening if so.',
  indication: 'Allergic rhinitis',
};
