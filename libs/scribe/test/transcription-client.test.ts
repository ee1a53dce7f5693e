import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { detectAudioType, PermanentProviderError, TranscriptionClient, TransientProviderError } from '../src/index.js';
import { FakeProvider, formOf, json, silence } from '../src/testing/index.js';
import { failure } from './support/failure.js';
import { assertNothingLeaks } from './support/secrets.js';
import { wav } from './support/audio-headers.js';

const API_KEY = 'sk-whisper-91b0c3d2e4';

describe('transcription client against an OpenAI-compatible server', () => {
  let provider: FakeProvider;
  let client: TranscriptionClient;
  const recording = wav();
  const audio = { bytes: recording, ...detectAudioType(recording)! };

  before(async () => {
    provider = await FakeProvider.start();
  });
  after(() => provider.close());
  beforeEach(() => {
    provider.received.length = 0;
    client = new TranscriptionClient({ baseUrl: provider.baseUrl, model: 'whisper-1', apiKey: API_KEY, timeoutMs: 10_000 });
  });

  it('posts the recording as multipart (file, model) and returns the text', async () => {
    provider.reply((_request, response) => json(response, 200, { text: ' Patient: my throat hurts. ' }));
    assert.deepEqual(await client.transcribe(audio), { text: 'Patient: my throat hurts.' });

    const [request] = provider.received;
    assert.equal(request?.path, '/v1/audio/transcriptions');
    assert.equal(request?.headers.authorization, `Bearer ${API_KEY}`);
    const form = await formOf(request!);
    assert.equal(form.get('model'), 'whisper-1');
    const file = form.get('file') as File;
    assert.equal(file.name, 'recording.wav', 'named by format only, never by anything about the patient');
    assert.equal(file.type, 'audio/wav');
    assert.deepEqual(new Uint8Array(await file.arrayBuffer()), recording);
  });

  it('sends no authorization header to a server that needs no key', async () => {
    provider.reply((_request, response) => json(response, 200, { text: 'ok' }));
    await new TranscriptionClient({ baseUrl: provider.baseUrl, model: 'whisper' }).transcribe(audio);
    assert.equal(provider.received[0]?.headers.authorization, undefined);
  });

  it('classifies a timeout as transient', async () => {
    provider.reply(silence());
    const error = await failure(new TranscriptionClient({ baseUrl: provider.baseUrl, model: 'whisper-1', apiKey: API_KEY, timeoutMs: 150 }).transcribe(audio));
    assert.ok(error instanceof TransientProviderError);
    assert.equal(error.reason, 'timeout');
    assert.equal(error.provider, 'transcription');
    assertNothingLeaks(error, API_KEY);
  });

  it('classifies 429 as transient with Retry-After as a date, then the next call succeeds', async () => {
    const inTwoMinutes = new Date(Date.now() + 120_000).toUTCString();
    provider
      .reply((_request, response) => json(response, 429, { error: { message: 'slow down' } }, { 'retry-after': inTwoMinutes }))
      .reply((_request, response) => json(response, 200, { text: 'second try' }));
    const error = await failure(client.transcribe(audio));
    assert.ok(error instanceof TransientProviderError);
    assert.equal(error.reason, 'rate_limited');
    assert.ok(error.retryAfterSeconds !== null && error.retryAfterSeconds > 100 && error.retryAfterSeconds <= 120);
    assert.equal(provider.received.length, 1);
    assert.deepEqual(await client.transcribe(audio), { text: 'second try' });
  });

  it('classifies 401 as permanent and keeps the key out of the error', async () => {
    provider.reply((_request, response) => json(response, 401, { error: { message: `Incorrect API key provided: ${API_KEY}`, code: 'invalid_api_key' } }));
    const error = await failure(client.transcribe(audio));
    assert.ok(error instanceof PermanentProviderError);
    assert.equal(error.reason, 'unauthorized');
    assertNothingLeaks(error, API_KEY);
    assertNothingLeaks(client, API_KEY);
  });

  it('classifies unreadable audio (400) as permanent and a 502 from a proxy as transient', async () => {
    provider.reply((_request, response) => json(response, 400, { error: { message: 'Invalid file format.', type: 'invalid_request_error' } }));
    const rejected = await failure(client.transcribe(audio));
    assert.ok(rejected instanceof PermanentProviderError);
    assert.equal(rejected.reason, 'rejected');

    provider.reply((_request, response) => response.writeHead(502, { 'content-type': 'text/html' }).end('<html>Bad gateway</html>'));
    const gateway = await failure(client.transcribe(audio));
    assert.ok(gateway instanceof TransientProviderError);
    assert.equal(gateway.reason, 'server_error');
    assert.equal(gateway.providerCode, null);
  });

  it('fails permanently on malformed JSON or an answer without text', async () => {
    provider.reply((_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end('{"text": "unterminated'));
    const malformed = await failure(client.transcribe(audio));
    assert.ok(malformed instanceof PermanentProviderError);
    assert.equal(malformed.reason, 'unreadable_answer');

    provider.reply((_request, response) => json(response, 200, { transcript: 'wrong field' }));
    const textless = await failure(client.transcribe(audio));
    assert.ok(textless instanceof PermanentProviderError);
    assert.equal(textless.reason, 'unreadable_answer');
  });
});
