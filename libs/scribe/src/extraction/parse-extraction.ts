import type { Extraction } from './extraction.js';
import { type FieldRule, NOTE_FIELDS, PRESCRIPTION_FIELDS, SYMPTOM_FIELDS } from './extraction-fields.js';
import { EXTRACTION_LIMITS as LIMITS } from './limits.js';

/**
 * An extraction that breaks the rules of the columns it is meant for. `problems` name the field
 * and the rule ("symptoms[2].severity must be an integer from 1 to 10"), never the value, which
 * may hold patient data.
 */
export class ExtractionInvalid extends Error {
  constructor(readonly problems: readonly string[]) {
    const shown = problems.slice(0, 5).join('; ');
    super(`the extraction is invalid: ${shown}${problems.length > 5 ? ` (and ${problems.length - 5} more)` : ''}`);
    this.name = 'ExtractionInvalid';
  }
}

/** Text as the API takes it: trimmed, and blank refused rather than stored. */
function checkField(rule: FieldRule, value: unknown, path: string, problems: string[]): unknown {
  if (rule.kind === 'integer') {
    if (value !== null && (typeof value !== 'number' || !Number.isInteger(value) || value < rule.min || value > rule.max)) {
      problems.push(`${path} must be an integer from ${rule.min} to ${rule.max}, or null`);
    }
    return value;
  }
  if (value === null && rule.nullable) return null;
  if (typeof value !== 'string') {
    problems.push(`${path} must be a string${rule.nullable ? ' or null' : ''}`);
    return value;
  }
  const trimmed = value.trim();
  if (trimmed === '') problems.push(`${path} must not be blank${rule.nullable ? ' (null when unknown)' : ''}`);
  else if (trimmed.length > rule.maxLength) problems.push(`${path} must be at most ${rule.maxLength} characters`);
  return trimmed;
}

function checkObject(fields: Record<string, FieldRule>, value: unknown, path: string, problems: string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(`${path} must be an object`);
    return {};
  }
  const given = value as Record<string, unknown>;
  for (const key of Object.keys(given)) if (!Object.hasOwn(fields, key)) problems.push(`${path}.${key} is not a field of the extraction`);
  const checked: Record<string, unknown> = {};
  for (const [key, rule] of Object.entries(fields)) {
    if (!Object.hasOwn(given, key)) problems.push(`${path}.${key} is missing`);
    else checked[key] = checkField(rule, given[key], `${path}.${key}`, problems);
  }
  return checked;
}

function checkList(fields: Record<string, FieldRule>, maxItems: number, value: unknown, path: string, problems: string[]): unknown[] {
  if (!Array.isArray(value)) {
    problems.push(`${path} must be an array`);
    return [];
  }
  if (value.length > maxItems) {
    problems.push(`${path} must hold at most ${maxItems} items`);
    return [];
  }
  return value.map((item, index) => checkObject(fields, item, `${path}[${index}]`, problems));
}

/**
 * Checks an extraction from outside the process (a language model's answer) as the API checks a
 * client's body: every field present with its type, the lengths and ranges of the columns, nothing
 * unknown. Returns a trimmed copy; throws {@link ExtractionInvalid} naming every problem.
 */
export function parseExtraction(value: unknown): Extraction {
  const problems: string[] = [];
  const parts = { note: null, symptoms: null, prescriptions: null } satisfies Record<keyof Extraction, null>;
  const top = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  if (!top) problems.push('extraction must be an object');
  else for (const key of Object.keys(top)) if (!Object.hasOwn(parts, key)) problems.push(`extraction.${key} is not a field of the extraction`);
  const parsed = {
    note: checkObject(NOTE_FIELDS, top?.note, 'extraction.note', problems),
    symptoms: checkList(SYMPTOM_FIELDS, LIMITS.symptoms, top?.symptoms, 'extraction.symptoms', problems),
    prescriptions: checkList(PRESCRIPTION_FIELDS, LIMITS.prescriptions, top?.prescriptions, 'extraction.prescriptions', problems),
  };
  if (problems.length > 0) throw new ExtractionInvalid(problems);
  return parsed as unknown as Extraction;
}
