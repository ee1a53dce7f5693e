import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import supertest from 'supertest';
import { createApp } from '../src/app.factory.js';
import { loadConfig } from '../src/config/app-config.js';
import { startTestApp, type TestApp } from './support/test-app.js';

describe('health', () => {
  let api: TestApp;
  before(async () => {
    api = await startTestApp();
  });
  after(() => api.close());

  it('says the process is live', async () => {
    const response = await api.http().get('/health/live').expect(200);
    assert.deepEqual(response.body, { status: 'ok' });
  });

  it('says it is ready when the database answers', async () => {
    const response = await api.http().get('/health/ready').expect(200);
    assert.deepEqual(response.body, { status: 'ok', database: 'up' });
  });

  it('publishes both routes in the OpenAPI document', async () => {
    const response = await api.http().get('/docs-json').expect(200);
    assert.match(response.body.openapi, /^3\./);
    assert.ok(response.body.paths['/health/live']);
    assert.ok(response.body.paths['/health/ready'].get.responses['503']);
  });
});

describe('health with the database down', () => {
  it('answers 503 on /health/ready and stays live', async () => {
    // Port 1 on loopback: nothing listens there, so every query fails to connect.
    const databaseUrl = 'postgresql://postgres@127.0.0.1:1/clinic';
    const app = await createApp({ ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', DATABASE_URL: databaseUrl }), databaseUrl });
    try {
      const response = await supertest(app.getHttpServer()).get('/health/ready').expect(503);
      assert.equal(response.body.statusCode, 503);
      assert.equal(response.body.code, 'database_unavailable');
      await supertest(app.getHttpServer()).get('/health/live').expect(200);
    } finally {
      await app.close();
    }
  });
});
