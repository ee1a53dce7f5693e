// The error answers: each status with its OperationOutcome issue code, and nothing of a request's
// values (or of an unexpected error's cause) repeated in them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fhirContext, fhirErrors, FhirOutcomeError } from '../src/index.js';
import { everyFhirError } from './fixtures.js';

describe('fhirErrors', () => {
  it('pair each status with its issue code', () => {
    const answers = everyFhirError();
    assert.deepEqual(
      answers.map((answer) => [answer.status, answer.outcome.issue.map((issue) => issue.code).join()]),
      [
        [400, 'invalid,invalid'],
        [401, 'login'],
        [403, 'forbidden'],
        [404, 'not-found'],
        [404, 'not-supported'],
        [406, 'not-supported'],
        [429, 'throttled'],
        [500, 'exception'],
        [503, 'transient'],
      ],
    );
    for (const answer of answers) {
      assert.ok(answer instanceof FhirOutcomeError && answer instanceof Error);
      assert.equal(answer.outcome.resourceType, 'OperationOutcome');
      assert.ok(answer.outcome.issue.every((issue) => issue.severity === 'error'));
    }
    assert.equal(fhirErrors.notFound('Patient', '6f1c2d3e-0000-4000-8000-000000000001').outcome.issue[0].details?.text, 'Patient/6f1c2d3e-0000-4000-8000-000000000001 is not known');
  });

  it('repeat an id only when it is a well-formed id', () => {
    const text = fhirErrors.notFound('Patient', '<script>Jane Doe 1984-02-29</script>').outcome.issue[0].details?.text;
    assert.equal(text, 'Patient/(not a valid id) is not known');
    assert.equal(fhirErrors.unsupportedType('Jane Doe').outcome.issue[0].details?.text, 'Resource type (not a valid id) is not served here: see /metadata');
  });
});

describe('fhirContext', () => {
  it('keeps an absolute http(s) base without its trailing slash', () => {
    assert.equal(fhirContext('https://clinic.example.org/fhir/R4/', { withNotes: true }).baseUrl, 'https://clinic.example.org/fhir/R4');
    assert.equal(fhirContext('http://localhost:3000/fhir/R4', { withNotes: false }).withNotes, false);
    for (const base of ['/fhir/R4', 'ftp://clinic.example.org/fhir', 'https://clinic.example.org/fhir?x=1', 'https://user:pw@clinic.example.org/fhir']) {
      assert.throws(() => fhirContext(base, { withNotes: true }), /FHIR base URL/, base);
    }
  });
});
