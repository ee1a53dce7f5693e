import { NOT_STATED } from '../extraction/extraction.js';

// What the language model is told. The schema constrains the shape; these rules carry the
// clinical judgement the rules engine applies too, so both engines fill the chart alike.

export const EXTRACTION_INSTRUCTIONS = [
  'You read the transcript of a clinic visit and fill in a draft for the clinician to review.',
  'Answer with JSON matching the schema, and nothing else. Use only what the transcript says; never invent a value.',
  'Symptoms: only symptoms the patient has now. Leave out anything denied ("no fever", "denies chest pain"), negative or ruled out, hypothetical ("call if you get a fever"), a side effect being warned about, or someone else\'s (a relative\'s).',
  'If a symptom is uncertain ("possible", "maybe"), include it and say so in notes.',
  'Prescriptions: only medications prescribed, started, changed or refilled at this visit. Leave out medications the patient already takes or is told to continue, stopped ones, and ones the patient is allergic to.',
  `For a prescription field that is required but was not said, write "${NOT_STATED}". For an optional field that was not said, write null. Numbers said as words are written as digits.`,
  'Note fields: null when the transcript does not give them. Never copy identifying details (names, dates of birth, addresses, phone numbers) into any field.',
].join('\n');
