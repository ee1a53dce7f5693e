// What every route shares: the OpenAPI document, security headers, request ids, CORS and the
// shape of errors. Feature suites test their own routes' answers.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { registeredRoutes } from '../src/common/route-registry.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('API conventions', () => {
  let api: TestApp;
  before(async () => {
    api = await startTestApp({ CORS_ORIGINS: 'https://front-desk.example.org' });
  });
  after(() => api.close());

  it('documents every registered route, and only those, in OpenAPI 3', async () => {
    const { body } = await api.http().get('/docs-json').expect(200);
    assert.match(body.openapi, /^3\./);
    const documented = Object.entries(body.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method} ${path}`))
      .sort();
    const registered = registeredRoutes(api.app).map((route) => `${route.method} ${route.path}`).sort();
    assert.ok(registered.length > 0);
    assert.deepEqual(documented, registered);
  });

  it('serves Swagger UI at /docs', async () => {
    const response = await api.http().get('/docs').redirects(1);
    assert.equal(response.status, 200);
    assert.match(response.text, /swagger/i);
  });

  it('sends security headers', async () => {
    const response = await api.http().get('/health/live').expect(200);
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.ok(response.headers['strict-transport-security']);
    assert.ok(response.headers['content-security-policy']);
    assert.equal(response.headers['x-powered-by'], undefined);
  });

  it('gives every response a request id, keeping a well-formed one from the caller', async () => {
    const generated = await api.http().get('/health/live').expect(200);
    assert.match(generated.headers['x-request-id'], /^[0-9a-f-]{36}$/);
    const kept = await api.http().get('/health/live').set('x-request-id', 'front-desk-0001').expect(200);
    assert.equal(kept.headers['x-request-id'], 'front-desk-0001');
    const replaced = await api.http().get('/health/live').set('x-request-id', 'bad id with spaces').expect(200);
    assert.notEqual(replaced.headers['x-request-id'], 'bad id with spaces');
  });

  it('allows CORS only for configured origins', async () => {
    const allowed = await api.http().options('/health/live').set('Origin', 'https://front-desk.example.org').set('Access-Control-Request-Method', 'GET');
    assert.equal(allowed.headers['access-control-allow-origin'], 'https://front-desk.example.org');
    const refused = await api.http().options('/health/live').set('Origin', 'https://evil.example.com').set('Access-Control-Request-Method', 'GET');
    assert.equal(refused.headers['access-control-allow-origin'], undefined);
  });

  it('answers an unknown route with a 404 in the contract shape', async () => {
    const { body } = await api.http().get('/api/v1/no-such-thing').expect(404);
    assert.equal(body.statusCode, 404);
    assert.equal(body.error, 'Not Found');
  });
});
