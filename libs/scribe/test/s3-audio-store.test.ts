import assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { after, before, beforeEach, describe, it } from 'node:test';
import { AudioAlreadyStored, AudioIdInvalid, S3AudioStore } from '../src/index.js';
import { ogg, wav } from './support/audio-headers.js';
import { FakeProvider, type ReceivedRequest } from '../src/testing/index.js';

// The S3 store against a small S3-compatible server on 127.0.0.1 that speaks PutObject (with
// If-None-Match) and GetObject in path style, as MinIO and most self-hosted stores do.

const ACCESS_KEY = 'AKIDSCRIBETEST';
const SECRET = 'scribe-secret-5e7a9c1b3d';

function s3Error(response: ServerResponse, status: number, code: string): void {
  response.writeHead(status, { 'content-type': 'application/xml' }).end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`);
}

function fakeS3(objects: Map<string, { body: Buffer; contentType: string }>) {
  return (request: ReceivedRequest, response: ServerResponse) => {
    const key = decodeURIComponent(new URL(request.path, 'http://s3').pathname);
    if (request.method === 'PUT') {
      if (request.headers['if-none-match'] === '*' && objects.has(key)) return s3Error(response, 412, 'PreconditionFailed');
      objects.set(key, { body: request.body, contentType: String(request.headers['content-type'] ?? 'binary/octet-stream') });
      response.writeHead(200, { etag: '"1"' }).end();
      return;
    }
    if (request.method === 'GET') {
      const object = objects.get(key);
      if (!object) return s3Error(response, 404, 'NoSuchKey');
      response.writeHead(200, { 'content-type': object.contentType, 'content-length': String(object.body.length), etag: '"1"' }).end(object.body);
      return;
    }
    s3Error(response, 405, 'MethodNotAllowed');
  };
}

describe('S3AudioStore against an S3-compatible server', () => {
  let server: FakeProvider;
  let store: S3AudioStore;
  const objects = new Map<string, { body: Buffer; contentType: string }>();

  before(async () => {
    server = await FakeProvider.start();
    server.replyAlways(fakeS3(objects));
  });
  beforeEach(() => {
    store?.destroy();
    store = new S3AudioStore({
      bucket: 'clinic-audio',
      region: 'us-east-1',
      endpoint: new URL(server.baseUrl).origin,
      forcePathStyle: true,
      credentials: { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET },
      prefix: 'scribe/',
    });
    server.received.length = 0;
  });
  after(async () => {
    store.destroy();
    await server.close();
  });

  it('puts an object under bucket/prefix/id, signed, and gets it back with its content type', async () => {
    const bytes = wav();
    await store.put('job-10', bytes, 'audio/wav');
    const put = server.received[0];
    assert.equal(put?.method, 'PUT');
    assert.equal(new URL(put?.path ?? '', 'http://s3').pathname, '/clinic-audio/scribe/job-10');
    assert.match(String(put?.headers.authorization), new RegExp(`^AWS4-HMAC-SHA256 Credential=${ACCESS_KEY}/`));
    assert.equal(put?.headers['if-none-match'], '*', 'a conditional put never replaces a recording');
    assert.equal(put?.headers['content-type'], 'audio/wav');
    for (const request of server.received) assert.ok(!JSON.stringify(request.headers).includes(SECRET), 'the secret key is never sent');

    const stored = await store.get('job-10');
    assert.deepEqual(stored && new Uint8Array(stored.bytes), bytes);
    assert.equal(stored?.contentType, 'audio/wav');
  });

  it('answers null for an id with no object', async () => {
    assert.equal(await store.get('job-missing'), null);
  });

  it('accepts the same recording again but refuses different bytes under a used id', async () => {
    await store.put('job-11', ogg(), 'audio/ogg');
    await store.put('job-11', ogg(), 'audio/ogg');
    await assert.rejects(store.put('job-11', wav(), 'audio/wav'), AudioAlreadyStored);
    assert.deepEqual(objects.get('/clinic-audio/scribe/job-11')?.body, Buffer.from(ogg()));
  });

  it('refuses an id that could reach another key before sending anything', async () => {
    await assert.rejects(store.put('../other-bucket/x', wav(), 'audio/wav'), AudioIdInvalid);
    await assert.rejects(store.get('a/b'), AudioIdInvalid);
    assert.equal(server.received.length, 0);
  });
});
