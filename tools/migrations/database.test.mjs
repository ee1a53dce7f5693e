import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { databaseName, libpqTarget, urlForDatabase } from './lib/database.mjs';

describe('database URLs for the tools', () => {
  it('hands pg_dump a URL it accepts: no password on the command line, no Prisma-only parameters', () => {
    const target = libpqTarget('postgresql://clinic:s%40cret%2Fpw@db.internal:6432/clinic?schema=records&connection_limit=5&sslmode=require');
    assert.equal(target.url, 'postgresql://clinic@db.internal:6432/clinic?sslmode=require');
    assert.deepEqual(target.env, { PGPASSWORD: 's@cret/pw' });
    assert.equal(target.schema, 'records');
    assert.deepEqual(libpqTarget('postgresql://postgres@127.0.0.1:5432/clinic').env, {});
  });

  it('names another database on the same server', () => {
    assert.equal(urlForDatabase('postgresql://clinic:pw@db:5432/clinic?sslmode=require', 'clinic_restored'), 'postgresql://clinic:pw@db:5432/clinic_restored?sslmode=require');
    assert.equal(databaseName('postgresql://clinic@db:5432/clinic_restored'), 'clinic_restored');
  });
});
