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

  it('keeps two idle connections open by default, never more than the pool holds', () => {
    const primary = 'postgresql://api@primary:5432/clinic';
    assert.equal(loadConfig({ DATABASE_URL: primary }).databasePoolMinIdle, 2);
    assert.equal(loadConfig({ DATABASE_URL: primary, DATABASE_POOL_MIN_IDLE: '0' }).databasePoolMinIdle, 0);
    assert.equal(loadConfig({ DATABASE_URL: primary, DATABASE_POOL_SIZE: '3', DATABASE_POOL_MIN_IDLE: '8' }).databasePoolMinIdle, 3);
    // The embedded PostgreSQL's one connection.
    assert.equal(loadConfig({}).databasePoolMinIdle, 1);
    assert.throws(() => loadConfig({ DATABASE_URL: primary, DATABASE_POOL_MIN_IDLE: '-1' }), ConfigInvalid);
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

  it('reads read replicas as a comma-separated list of postgresql:// URLs, none by default and none for the embedded database', () => {
    const primary = 'postgresql://api@primary:5432/clinic';
    assert.deepEqual(loadConfig({ DATABASE_URL: primary }).databaseReplicaUrls, []);
    assert.equal(loadConfig({}).replicaMaxLagSeconds, 10);
    const config = loadConfig({ DATABASE_URL: primary, DATABASE_REPLICA_URLS: ' postgresql://api@r1:5432/clinic, postgresql://api@r2:5432/clinic ,', REPLICA_MAX_LAG_SECONDS: '3' });
    assert.deepEqual(config.databaseReplicaUrls, ['postgresql://api@r1:5432/clinic', 'postgresql://api@r2:5432/clinic']);
    assert.equal(config.replicaMaxLagSeconds, 3);
    assert.deepEqual(loadConfig({ DATABASE_REPLICA_URLS: 'postgresql://api@r1:5432/clinic' }).databaseReplicaUrls, []);
    assert.throws(() => loadConfig({ DATABASE_URL: primary, DATABASE_REPLICA_URLS: 'postgresql://api@r1/clinic,mysql://r2' }), /DATABASE_REPLICA_URLS must be a postgresql:\/\/ connection string/);
    assert.throws(() => loadConfig({ REPLICA_MAX_LAG_SECONDS: '-1' }), ConfigInvalid);
  });
});
