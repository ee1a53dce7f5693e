import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigInvalid, DEVELOPMENT_JWT_SECRET, loadConfig } from '../src/config/app-config.js';

const DATABASE_URL = 'postgresql://clinic@db.internal:5432/clinic';
const OWN_SECRET = 'k3Jx9vQ2mT8pL5wR7nB4cY6hF1dS0gZaUeXi';

function problemsOf(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
    return [];
  } catch (error) {
    assert.ok(error instanceof ConfigInvalid);
    return error.problems;
  }
}

describe('auth configuration', () => {
  it('has working defaults for development and tests', () => {
    const { auth } = loadConfig({ NODE_ENV: 'test' });
    assert.deepEqual(auth, {
      jwtSecret: DEVELOPMENT_JWT_SECRET,
      accessTokenTtlSeconds: 900,
      refreshTokenTtlSeconds: 43_200,
      refreshTokenIdleSeconds: 1_800,
      loginMaxFailures: 5,
      loginMaxFailuresPerAddress: 50,
      loginLockoutSeconds: 900,
      authorityCacheSeconds: 2,
    });
    assert.equal(loadConfig({}).auth.jwtSecret, DEVELOPMENT_JWT_SECRET);
  });

  it('requires JWT_SECRET in production and staging', () => {
    for (const environment of ['production', 'staging']) {
      const problems = problemsOf({ NODE_ENV: environment, DATABASE_URL });
      assert.equal(problems.length, 1);
      assert.match(problems[0]!, /JWT_SECRET is required/);
    }
  });

  it('refuses the published development secret in production and staging', () => {
    for (const environment of ['production', 'staging']) {
      assert.match(problemsOf({ NODE_ENV: environment, DATABASE_URL, JWT_SECRET: DEVELOPMENT_JWT_SECRET }).join(), /published development value/);
    }
    assert.equal(loadConfig({ NODE_ENV: 'development', JWT_SECRET: DEVELOPMENT_JWT_SECRET }).auth.jwtSecret, DEVELOPMENT_JWT_SECRET);
  });

  it('refuses a secret shorter than 32 characters anywhere', () => {
    for (const environment of ['development', 'test', 'production']) {
      assert.match(problemsOf({ NODE_ENV: environment, DATABASE_URL, JWT_SECRET: 'short-secret' }).join(), /at least 32 characters/);
    }
  });

  it('accepts a secret of your own in production', () => {
    const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL, JWT_SECRET: OWN_SECRET });
    assert.equal(config.auth.jwtSecret, OWN_SECRET);
  });

  it('checks the token lifetimes and throttle settings', () => {
    const problems = problemsOf({
      ACCESS_TOKEN_TTL_SECONDS: '30',
      REFRESH_TOKEN_TTL_SECONDS: 'a day',
      LOGIN_MAX_FAILURES: '0',
      LOGIN_MAX_FAILURES_PER_ADDRESS: '-1',
      LOGIN_LOCKOUT_SECONDS: '1.5',
    });
    assert.equal(problems.length, 5);
    assert.match(problemsOf({ REFRESH_TOKEN_TTL_SECONDS: '3600', REFRESH_TOKEN_IDLE_SECONDS: '7200' }).join(), /must not exceed REFRESH_TOKEN_TTL_SECONDS/);
  });
});
