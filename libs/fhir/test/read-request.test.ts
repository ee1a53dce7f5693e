// The query of a read or of /metadata: how the answer is written, and nothing else.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { FhirOutcomeError, parseReadRequest } from '../src/index.js';

function refusal(query: string): FhirOutcomeError {
  try {
    parseReadRequest(query);
  } catch (error) {
    assert.ok(error instanceof FhirOutcomeError, String(error));
    return error;
  }
  assert.fail(`${query} was accepted`);
}

describe('a read request', () => {
  it('takes _format (JSON) and _pretty', () => {
    assert.deepEqual(parseReadRequest(''), { pretty: false });
    assert.deepEqual(parseReadRequest('?_pretty=true&_format=application/fhir%2Bjson'), { pretty: true });
    assert.deepEqual(parseReadRequest(new URLSearchParams({ _format: 'json', _pretty: 'false' })), { pretty: false });
  });

  it('refuses anything else with 400, one issue each, and XML with 406', () => {
    const refused = refusal('_summary=true&_elements=id&name=Ana&_count=5');
    assert.equal(refused.status, 400);
    assert.deepEqual(
      refused.outcome.issue?.map((issue) => issue.details?.text?.split(':')[0]),
      ["'_summary'", "'_elements'", "'name'", "'_count'"],
    );
    assert.equal(refusal('_pretty=yes').status, 400);
    assert.equal(refusal('_pretty=true&_pretty=true').status, 400);
    assert.equal(refusal('_format=xml').status, 406);
  });
});
