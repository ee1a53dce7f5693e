import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EXTRACTION_JSON_SCHEMA, type Extraction, ExtractionInvalid, parseExtraction } from '../src/index.js';

const VALID: Extraction = {
  note: { chiefComplaint: 'Cough', historyOfPresentIllness: null, diagnosis: null, treatmentPlan: null, followUpInstructions: null },
  symptoms: [{ symptomName: 'Cough', bodySite: null, severity: 3, duration: '2 days', notes: null }],
  prescriptions: [
    { medicationName: 'Benzonatate', strength: '100 mg', dosage: '1 capsule', frequency: 'three times daily', duration: null, quantity: 21, refills: 0, instructions: 'Swallow whole.', indication: 'Cough' },
  ],
};

/** An extraction whose fields a test may set to anything, as a model could. */
function loosely(extraction: Extraction) {
  return extraction as unknown as Record<string, unknown> & { note: Record<string, unknown>; symptoms: Record<string, unknown>[]; prescriptions: Record<string, unknown>[] };
}

interface SchemaNode {
  type?: unknown;
  additionalProperties?: unknown;
  required?: string[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
}

function problemsOf(value: unknown): readonly string[] {
  try {
    parseExtraction(value);
  } catch (error) {
    assert.ok(error instanceof ExtractionInvalid);
    return error.problems;
  }
  assert.fail('expected the extraction to be refused');
}

describe('parseExtraction', () => {
  it('accepts a valid extraction and returns a copy, strings trimmed', () => {
    const padded = structuredClone(VALID);
    padded.note.chiefComplaint = '  Cough  ';
    const parsed = parseExtraction(padded);
    assert.equal(parsed.note.chiefComplaint, 'Cough');
    assert.notEqual(parsed, padded);
    assert.deepEqual(parseExtraction(VALID), VALID);
  });

  it('names every broken rule by its path: types, blanks, lengths, ranges, unknown and missing fields', () => {
    const broken = loosely(structuredClone(VALID));
    broken.note.diagnosis = 'd'.repeat(256);
    delete broken.note.followUpInstructions;
    broken.symptoms[0]!.severity = 0;
    broken.symptoms[0]!.symptomName = '';
    broken.prescriptions[0]!.quantity = 2.5;
    broken.prescriptions[0]!.refills = 13;
    broken.prescriptions[0]!.frequency = null;
    broken.prescriptions[0]!.instructions = 'i'.repeat(5001);
    broken.prescriptions[0]!.overrideReason = 'not for a model to set';
    broken.isDraft = false;
    assert.deepEqual([...problemsOf(broken)].sort(), [
      'extraction.isDraft is not a field of the extraction',
      'extraction.note.diagnosis must be at most 255 characters',
      'extraction.note.followUpInstructions is missing',
      'extraction.prescriptions[0].frequency must be a string',
      'extraction.prescriptions[0].instructions must be at most 5000 characters',
      'extraction.prescriptions[0].overrideReason is not a field of the extraction',
      'extraction.prescriptions[0].quantity must be an integer from 1 to 10000, or null',
      'extraction.prescriptions[0].refills must be an integer from 0 to 12, or null',
      'extraction.symptoms[0].severity must be an integer from 1 to 10, or null',
      'extraction.symptoms[0].symptomName must not be blank',
    ]);
  });

  it('refuses what is not an extraction at all, and too many items', () => {
    assert.deepEqual(problemsOf(null), ['extraction must be an object', 'extraction.note must be an object', 'extraction.symptoms must be an array', 'extraction.prescriptions must be an array']);
    assert.ok(problemsOf([]).includes('extraction must be an object'));
    const flood = { ...VALID, symptoms: Array.from({ length: 51 }, () => VALID.symptoms[0]) };
    assert.deepEqual(problemsOf(flood), ['extraction.symptoms must hold at most 50 items']);
  });

  it('never quotes a value in its message', () => {
    const broken = loosely(structuredClone(VALID));
    broken.symptoms[0]!.notes = { secret: 'Jane Doe, DOB 1980-01-01' };
    const error = (() => {
      try {
        parseExtraction(broken);
      } catch (caught) {
        return caught as Error;
      }
      return null;
    })();
    assert.ok(error && !error.message.includes('Jane'));
  });

  it('has a JSON schema that requires every field and allows nothing else, as strict structured outputs need', () => {
    const check = (schema: SchemaNode | undefined, path: string) => {
      if (schema?.type !== 'object') return;
      assert.equal(schema.additionalProperties, false, path);
      assert.deepEqual([...(schema.required ?? [])].sort(), Object.keys(schema.properties ?? {}).sort(), path);
      for (const [key, value] of Object.entries(schema.properties ?? {})) check(value.type === 'array' ? value.items : value, `${path}.${key}`);
    };
    check(EXTRACTION_JSON_SCHEMA as SchemaNode, 'extraction');
    assert.ok(!JSON.stringify(EXTRACTION_JSON_SCHEMA).includes('maxLength'), 'keywords strict mode refuses are left to parseExtraction');
  });
});
