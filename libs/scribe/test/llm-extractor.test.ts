import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { EXTRACTION_JSON_SCHEMA, type Extraction, LlmExtractor, PermanentProviderError, ProviderSettingsInvalid, TransientProviderError, TranscriptTooLong } from '../src/index.js';
import { FakeProvider, json, silence } from '../src/testing/index.js';
import { failure } from './support/failure.js';
import { assertNothingLeaks } from './support/secrets.js';

const API_KEY = 'sk-test-4f9c2a7e1b';
const TRANSCRIPT = 'Patient: My throat has been sore for three days.\nClinician: I will start amoxicillin 500 mg twice a day.';

const ANSWER: Extraction = {
  note: { chiefComplaint: 'Sore throat', historyOfPresentIllness: 'Sore throat for 3 days.', diagnosis: null, treatmentPlan: 'Amoxicillin.', followUpInstructions: null },
  symptoms: [{ symptomName: 'Sore throat', bodySite: 'Throat', severity: null, duration: '3 days', notes: null }],
  prescriptions: [
    {
      medicationName: 'Amoxicillin',
      strength: '500 mg',
      dosage: '1 capsule',
      frequency: 'twice daily',
      duration: null,
      quantity: null,
      refills: null,
      instructions: 'Take 1 capsule by mouth twice daily.',
      indication: null,
    },
  ],
};

const completion = (content: unknown, extra: Record<string, unknown> = {}) => ({
  id: 'chatcmpl-1',
  object: 'chat.completion',
  choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: typeof content === 'string' ? content : JSON.stringify(content) }, ...extra }],
});

/** An extraction whose fields a test may set to anything, as a model could. */
function loosely(extraction: Extraction) {
  return extraction as unknown as { note: Record<string, unknown>; symptoms: Record<string, unknown>[]; prescriptions: Record<string, unknown>[] };
}

describe('llm engine against an OpenAI-compatible server', () => {
  let provider: FakeProvider;
  let extractor: LlmExtractor;
  before(async () => {
    provider = await FakeProvider.start();
  });
  after(() => provider.close());
  beforeEach(() => {
    provider.received.length = 0;
    extractor = new LlmExtractor({ baseUrl: provider.baseUrl, model: 'clinic-model', apiKey: API_KEY, timeoutMs: 10_000 });
  });

  it('asks chat/completions for JSON matching the extraction schema and returns the checked answer', async () => {
    provider.reply((_request, response) => json(response, 200, completion(ANSWER)));
    const extraction = await extractor.extract(TRANSCRIPT);
    assert.deepEqual(extraction, ANSWER);

    const [request] = provider.received;
    assert.equal(request?.method, 'POST');
    assert.equal(request?.path, '/v1/chat/completions');
    assert.equal(request?.headers.authorization, `Bearer ${API_KEY}`);
    const body = JSON.parse(request?.body.toString() ?? '{}') as {
      model: string;
      response_format: { type: string; json_schema: { strict: boolean; schema: unknown } };
      messages: { content: string }[];
    };
    assert.equal(body.model, 'clinic-model');
    assert.equal(body.response_format.type, 'json_schema');
    assert.equal(body.response_format.json_schema.strict, true);
    assert.deepEqual(body.response_format.json_schema.schema, EXTRACTION_JSON_SCHEMA);
    assert.equal(body.messages.at(-1)?.content, TRANSCRIPT);
  });

  it('trims the strings of an answer as client input is trimmed', async () => {
    const padded = structuredClone(ANSWER);
    padded.symptoms[0]!.symptomName = '  Sore throat ';
    provider.reply((_request, response) => json(response, 200, completion(padded)));
    assert.equal((await extractor.extract(TRANSCRIPT)).symptoms[0]?.symptomName, 'Sore throat');
  });

  it('classifies a timeout as transient', async () => {
    provider.reply(silence());
    const error = await failure(new LlmExtractor({ baseUrl: provider.baseUrl, model: 'm', apiKey: API_KEY, timeoutMs: 150 }).extract(TRANSCRIPT));
    assert.ok(error instanceof TransientProviderError);
    assert.equal(error.reason, 'timeout');
    assert.equal(error.provider, 'extraction');
  });

  it('classifies 429 as transient with its Retry-After, and does not retry by itself: the next call succeeds', async () => {
    provider
      .reply((_request, response) => json(response, 429, { error: { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' } }, { 'retry-after': '7' }))
      .reply((_request, response) => json(response, 200, completion(ANSWER)));
    const error = await failure(extractor.extract(TRANSCRIPT));
    assert.ok(error instanceof TransientProviderError);
    assert.equal(error.kind, 'transient');
    assert.equal(error.reason, 'rate_limited');
    assert.equal(error.status, 429);
    assert.equal(error.retryAfterSeconds, 7);
    assert.equal(error.providerCode, 'rate_limit_exceeded');
    assert.equal(provider.received.length, 1, 'the client made one request: retrying is the job runner\'s decision');

    assert.deepEqual(await extractor.extract(TRANSCRIPT), ANSWER);
    assert.equal(provider.received.length, 2);
  });

  it('classifies 5xx as transient and 401 as permanent', async () => {
    provider.reply((_request, response) => json(response, 503, { error: { message: 'overloaded' } }));
    const unavailable = await failure(extractor.extract(TRANSCRIPT));
    assert.ok(unavailable instanceof TransientProviderError);
    assert.equal(unavailable.reason, 'server_error');

    provider.reply((_request, response) => json(response, 401, { error: { message: `Incorrect API key provided: ${API_KEY}`, type: 'invalid_request_error', code: 'invalid_api_key' } }));
    const unauthorized = await failure(extractor.extract(TRANSCRIPT));
    assert.ok(unauthorized instanceof PermanentProviderError);
    assert.equal(unauthorized.kind, 'permanent');
    assert.equal(unauthorized.reason, 'unauthorized');
    assert.equal(unauthorized.providerCode, 'invalid_api_key');
    assertNothingLeaks(unauthorized, API_KEY);
  });

  it('classifies other 4xx as permanent', async () => {
    provider.reply((_request, response) => json(response, 400, { error: { message: 'bad schema', type: 'invalid_request_error' } }));
    const error = await failure(extractor.extract(TRANSCRIPT));
    assert.ok(error instanceof PermanentProviderError);
    assert.equal(error.reason, 'rejected');
    assert.equal(error.status, 400);
  });

  it('fails permanently, naming the reason, when the answer is not JSON or its content is not', async () => {
    provider.reply((_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{"choices": [ oops'));
    const notJson = await failure(extractor.extract(TRANSCRIPT));
    assert.ok(notJson instanceof PermanentProviderError);
    assert.equal(notJson.reason, 'unreadable_answer');

    provider.reply((_request, response) => json(response, 200, completion('Here is the JSON you asked for: {"note": ')));
    const malformed = await failure(extractor.extract(TRANSCRIPT));
    assert.ok(malformed instanceof PermanentProviderError);
    assert.equal(malformed.reason, 'unreadable_answer');
    assert.match(malformed.message, /not JSON/);
  });

  it('checks the answer like client input: a broken rule fails the step and names the field, not the value', async () => {
    const broken = loosely(structuredClone(ANSWER));
    broken.symptoms[0]!.severity = 11;
    broken.prescriptions[0]!.medicationName = 'x'.repeat(256);
    broken.prescriptions[0]!.dosage = '   ';
    broken.note.extra = 'not in the schema';
    provider.reply((_request, response) => json(response, 200, completion(broken)));
    const error = await failure(extractor.extract(TRANSCRIPT));
    assert.ok(error instanceof PermanentProviderError);
    assert.equal(error.reason, 'invalid_answer');
    assert.match(error.message, /symptoms\[0\]\.severity must be an integer from 1 to 10/);
    assert.match(error.message, /prescriptions\[0\]\.medicationName must be at most 255 characters/);
    assert.match(error.message, /prescriptions\[0\]\.dosage must not be blank/);
    assert.match(error.message, /note\.extra is not a field/);
    assert.ok(!error.message.includes('xxxx'), 'values are not quoted');
  });

  it('fails permanently on a refusal and on an answer cut off at the token limit', async () => {
    provider.reply((_request, response) => json(response, 200, { choices: [{ finish_reason: 'stop', message: { role: 'assistant', content: null, refusal: 'I cannot help with that.' } }] }));
    const refused = await failure(extractor.extract(TRANSCRIPT));
    assert.ok(refused instanceof PermanentProviderError);
    assert.equal(refused.reason, 'refused');

    provider.reply((_request, response) => json(response, 200, { choices: [{ finish_reason: 'length', message: { role: 'assistant', content: '{"note": {' } }] }));
    const truncated = await failure(extractor.extract(TRANSCRIPT));
    assert.ok(truncated instanceof PermanentProviderError);
    assert.equal(truncated.reason, 'truncated');
  });

  it('classifies an unreachable server as a transient network failure', async () => {
    const closed = await FakeProvider.start();
    await closed.close();
    const error = await failure(new LlmExtractor({ baseUrl: closed.baseUrl, model: 'm', timeoutMs: 1_000 }).extract(TRANSCRIPT));
    assert.ok(error instanceof TransientProviderError);
    assert.equal(error.reason, 'network');
  });

  it('passes the caller\'s own abort through: cancelling a job is not a provider failure', async () => {
    provider.reply(silence());
    const controller = new AbortController();
    const pending = extractor.extract(TRANSCRIPT, controller.signal);
    setTimeout(() => controller.abort(), 20);
    const error = await failure(pending);
    assert.ok(!(error instanceof TransientProviderError) && !(error instanceof PermanentProviderError));
    assert.equal((error as Error).name, 'AbortError');
  });

  it('refuses a transcript over the limit before calling, and bad settings when built', async () => {
    await assert.rejects(extractor.extract('x'.repeat(100_001)), TranscriptTooLong);
    assert.equal(provider.received.length, 0);
    assert.throws(() => new LlmExtractor({ baseUrl: 'https://user:secret@llm.example/v1', model: 'm' }), ProviderSettingsInvalid);
    assert.throws(() => new LlmExtractor({ baseUrl: 'ftp://llm.example', model: 'm' }), ProviderSettingsInvalid);
    assert.throws(() => new LlmExtractor({ baseUrl: 'http://llm.example', model: ' ' }), ProviderSettingsInvalid);
  });

  it('never shows the API key when the extractor itself is inspected or serialised', () => {
    assertNothingLeaks(extractor, API_KEY);
  });
});
