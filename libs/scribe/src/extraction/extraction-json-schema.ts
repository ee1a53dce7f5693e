import { type FieldRule, NOTE_FIELDS, PRESCRIPTION_FIELDS, SYMPTOM_FIELDS } from './extraction-fields.js';
import { EXTRACTION_LIMITS as LIMITS } from './limits.js';

// The JSON schema of an extraction, as OpenAI-compatible servers take it in `response_format`.
// Strict structured outputs accept only a subset of JSON Schema (no maxLength, minimum or
// maximum), so the limits are stated in each description and enforced by parseExtraction.

type JsonSchema = Record<string, unknown>;

function fieldSchema(rule: FieldRule): JsonSchema {
  if (rule.kind === 'integer') {
    return { type: ['integer', 'null'], description: `${rule.description} (${rule.min}–${rule.max})` };
  }
  return { type: rule.nullable ? ['string', 'null'] : 'string', description: `${rule.description} At most ${rule.maxLength} characters.` };
}

function objectSchema(fields: Record<string, FieldRule>): JsonSchema {
  return {
    type: 'object',
    properties: Object.fromEntries(Object.entries(fields).map(([key, rule]) => [key, fieldSchema(rule)])),
    required: Object.keys(fields),
    additionalProperties: false,
  };
}

export const EXTRACTION_JSON_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    note: objectSchema(NOTE_FIELDS),
    symptoms: {
      type: 'array',
      description: `Symptoms the patient has now: not denied, not ruled out, not someone else's. At most ${LIMITS.symptoms}.`,
      items: objectSchema(SYMPTOM_FIELDS),
    },
    prescriptions: {
      type: 'array',
      description: `Medications prescribed at this visit only: not ones already taken, stopped or refused. At most ${LIMITS.prescriptions}.`,
      items: objectSchema(PRESCRIPTION_FIELDS),
    },
  },
  required: ['note', 'symptoms', 'prescriptions'],
  additionalProperties: false,
};
