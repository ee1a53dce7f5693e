// What the client adds to openapi-fetch, against a small real HTTP server on 127.0.0.1: the
// access token on every request, and the API's answers as data or error. The client against the
// real API: apps/api/test/client-e2e.test.ts.
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, beforeEach, describe, it } from 'node:test';
import { createClinicClient } from '../src/index.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

describe('createClinicClient', () => {
  let server: Server;
  let baseUrl: string;
  let seen: Seen[] = [];

  before(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        seen.push({ method: request.method!, url: request.url!, headers: request.headers, body });
        if (request.url === '/api/v1/auth/me' && !request.headers.authorization) {
          response.writeHead(401, { 'content-type': 'application/json' });
          response.end(JSON.stringify({ statusCode: 401, error: 'Unauthorized', message: 'No access token', code: 'not_authenticated' }));
          return;
        }
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ data: [], nextCursor: null }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => {
    seen = [];
  });

  it('sends a fixed access token as a bearer token', async () => {
    const client = createClinicClient(baseUrl, { accessToken: 'token-one' });
    await client.GET('/api/v1/patients', { params: { query: { q: 'Okafor', limit: 5 } } });
    assert.equal(seen[0]!.headers.authorization, 'Bearer token-one');
    assert.equal(seen[0]!.url, '/api/v1/patients?q=Okafor&limit=5');
  });

  it('asks getAccessToken before every request, so a refreshed token is used at once', async () => {
    const tokens = ['first', 'second'];
    const client = createClinicClient(baseUrl, { getAccessToken: async () => tokens.shift() });
    await client.GET('/api/v1/patients', {});
    await client.GET('/api/v1/patients', {});
    assert.deepEqual(
      seen.map((request) => request.headers.authorization),
      ['Bearer first', 'Bearer second'],
    );
  });

  it('sends no Authorization header without a token, and gives the error body back as error', async () => {
    const client = createClinicClient(baseUrl);
    const { data, error, response } = await client.GET('/api/v1/auth/me');
    assert.equal(seen[0]!.headers.authorization, undefined);
    assert.equal(response.status, 401);
    assert.equal(data, undefined);
    assert.equal(error?.code, 'not_authenticated');
  });

  it('sends path parameters and JSON bodies as the contract names them', async () => {
    const client = createClinicClient(baseUrl, { accessToken: 'token-one' });
    await client.POST('/api/v1/patients/{id}/allergies', {
      params: { path: { id: '3f2b8c1e-6a4d-4e5f-9b7a-1c2d3e4f5a6b' } },
      body: { allergen: 'Penicillin', severity: 'severe' },
    });
    assert.equal(seen[0]!.method, 'POST');
    assert.equal(seen[0]!.url, '/api/v1/patients/3f2b8c1e-6a4d-4e5f-9b7a-1c2d3e4f5a6b/allergies');
    assert.equal(seen[0]!.headers['content-type'], 'application/json');
    assert.deepEqual(JSON.parse(seen[0]!.body), { allergen: 'Penicillin', severity: 'severe' });
  });
});
