import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Extraction } from '../src/extraction/extraction.js';
import { canonicalSymptomName, frequencyKey, genericMedicationName, strengthKey } from '../src/rules/normalise.js';

// Scoring an extractor against the evaluation set: symptoms match by charted name, prescriptions
// by generic name, strength and frequency, each normalised ("1 g" is "1000 mg", "every morning"
// is once daily). Counts are of distinct keys per visit.

export interface ExpectedPrescription {
  medicationName: string;
  strength: string | null;
  frequency: string | null;
}

export interface Visit {
  file: string;
  title: string;
  speciality: string;
  transcript: string;
  expected: { symptoms: { name: string }[]; prescriptions: ExpectedPrescription[] };
}

export interface Tally {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
}

export interface VisitScore {
  visit: Visit;
  symptoms: Tally & { missed: string[]; extra: string[] };
  prescriptions: Tally & { missed: string[]; extra: string[] };
}

export function loadVisits(directory: string): Visit[] {
  return readdirSync(directory)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const data = JSON.parse(readFileSync(path.join(directory, name), 'utf8')) as Omit<Visit, 'file' | 'transcript'> & { transcript: string[] };
      return { ...data, file: name, transcript: data.transcript.join('\n') };
    });
}

export function symptomKey(name: string): string {
  return canonicalSymptomName(name).toLowerCase();
}

export function prescriptionKey(prescription: ExpectedPrescription): string {
  const name = (genericMedicationName(prescription.medicationName) ?? prescription.medicationName).toLowerCase();
  return [name, strengthKey(prescription.strength) ?? '-', frequencyKey(prescription.frequency ?? '') ?? '-'].join(' | ');
}

function compare(expected: readonly string[], actual: readonly string[]): Tally & { missed: string[]; extra: string[] } {
  const wanted = new Set(expected);
  const got = new Set(actual);
  const missed = [...wanted].filter((key) => !got.has(key));
  const extra = [...got].filter((key) => !wanted.has(key));
  return { truePositives: wanted.size - missed.length, falsePositives: extra.length, falseNegatives: missed.length, missed, extra };
}

export function scoreVisit(visit: Visit, extraction: Extraction): VisitScore {
  return {
    visit,
    symptoms: compare(
      visit.expected.symptoms.map((symptom) => symptomKey(symptom.name)),
      extraction.symptoms.map((symptom) => symptomKey(symptom.symptomName)),
    ),
    prescriptions: compare(
      visit.expected.prescriptions.map(prescriptionKey),
      extraction.prescriptions.map((prescription) =>
        prescriptionKey({
          medicationName: prescription.medicationName,
          strength: prescription.strength,
          frequency: prescription.frequency,
        }),
      ),
    ),
  };
}

export function total(tallies: readonly Tally[]): Tally & { precision: number; recall: number; f1: number } {
  const sum = tallies.reduce(
    (all, tally) => ({
      truePositives: all.truePositives + tally.truePositives,
      falsePositives: all.falsePositives + tally.falsePositives,
      falseNegatives: all.falseNegatives + tally.falseNegatives,
    }),
    { truePositives: 0, falsePositives: 0, falseNegatives: 0 },
  );
  const precision = sum.truePositives + sum.falsePositives === 0 ? 1 : sum.truePositives / (sum.truePositives + sum.falsePositives);
  const recall = sum.truePositives + sum.falseNegatives === 0 ? 1 : sum.truePositives / (sum.truePositives + sum.falseNegatives);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...sum, precision, recall, f1 };
}
