import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigInvalid, loadConfig } from '../src/config/app-config.js';

describe('configuration', () => {
  it('has working defaults for a newcomer', () => {
    const config = loadConfig({});
    assert.equal(config.environment, 'development');
    assert.equal(config.host, '0.0.0.0');
    assert.equal(config.port, 3000);
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.databasePoolSize, 1);
  });

  it('lists every bad variable at once', () => {
    assert.throws(
      () => loadConfig({ PORT: 'eighty', NODE_ENV: 'prod', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigInvalid);
        assert.equal(error.problems.length, 4);
        return true;
      },
    );
  });

  it('refuses the embedded database in production', () => {
    assert.throws(() => loadConfig({ NODE_ENV: 'production' }), /DATABASE_URL is required/);
  });
});
