import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { needsNoTransaction, splitSqlStatements, stripComments } from './split-sql.mjs';

describe('splitSqlStatements', () => {
  it('splits at top-level semicolons and trims', () => {
    assert.deepEqual(splitSqlStatements('SELECT 1;\n  SELECT 2 ;SELECT 3'), ['SELECT 1', 'SELECT 2', 'SELECT 3']);
  });

  it('keeps semicolons inside strings, doubled quotes and quoted identifiers', () => {
    const script = `INSERT INTO t VALUES ('a;b', 'it''s; fine');\nCREATE TABLE "odd;name" ("x;y" int);`;
    assert.deepEqual(splitSqlStatements(script), [
      `INSERT INTO t VALUES ('a;b', 'it''s; fine')`,
      `CREATE TABLE "odd;name" ("x;y" int)`,
    ]);
  });

  it('honours backslash escapes in E strings only', () => {
    assert.deepEqual(splitSqlStatements(`SELECT E'a\\';b';SELECT 2`), [`SELECT E'a\\';b'`, 'SELECT 2']);
    // In a standard string a backslash is an ordinary character: the string ends at the quote.
    assert.deepEqual(splitSqlStatements(`SELECT 'a\\';SELECT 2`), [`SELECT 'a\\'`, 'SELECT 2']);
  });

  it('keeps dollar-quoted bodies whole, with or without a tag', () => {
    const fn = `CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $$ BEGIN PERFORM 1; RETURN 2; END $$`;
    const tagged = `DO $body1$ BEGIN RAISE NOTICE '$$;'; END $body1$`;
    assert.deepEqual(splitSqlStatements(`${fn};\n${tagged};\nSELECT 3;`), [fn, tagged, 'SELECT 3']);
  });

  it('does not take a positional parameter for a dollar quote', () => {
    assert.deepEqual(splitSqlStatements('PREPARE p AS SELECT $1; SELECT 2'), ['PREPARE p AS SELECT $1', 'SELECT 2']);
  });

  it('ignores semicolons in line and (nested) block comments', () => {
    const script = `-- first; comment\nSELECT 1; /* a; /* nested; */ still comment; */ SELECT 2;`;
    assert.deepEqual(splitSqlStatements(script), ['-- first; comment\nSELECT 1', '/* a; /* nested; */ still comment; */ SELECT 2']);
  });

  it('drops pieces that hold only comments or blanks', () => {
    assert.deepEqual(splitSqlStatements('SELECT 1;\n-- trailing comment\n;  ;/* x */'), ['SELECT 1']);
    assert.deepEqual(splitSqlStatements(''), []);
  });

  it('copes with an unterminated string or comment (the server reports the error)', () => {
    assert.deepEqual(splitSqlStatements(`SELECT 'open; SELECT 2`), [`SELECT 'open; SELECT 2`]);
    assert.deepEqual(splitSqlStatements('SELECT 1; /* open; SELECT 2'), ['SELECT 1']);
  });
});

describe('stripComments', () => {
  it('removes comments but not comment-like text in strings', () => {
    assert.equal(stripComments(`SELECT '--x' -- gone\n, 1 /* gone */`).replace(/\s+/g, ' ').trim(), `SELECT '--x' , 1`);
  });
});

describe('needsNoTransaction', () => {
  it('is true for statements PostgreSQL refuses in a transaction block', () => {
    for (const statement of [
      'CREATE INDEX CONCURRENTLY "i" ON "t" ("c")',
      'create unique index concurrently if not exists i on t (c)',
      'DROP INDEX CONCURRENTLY IF EXISTS "i"',
      'REINDEX INDEX CONCURRENTLY "i"',
      'ALTER TABLE "p" DETACH PARTITION "p1" CONCURRENTLY',
      'VACUUM ANALYZE "t"',
      "ALTER SYSTEM SET work_mem = '64MB'",
      'CREATE DATABASE "x"',
    ]) {
      assert.equal(needsNoTransaction(`CREATE TABLE a (id int);\n${statement};`), true, statement);
    }
  });

  it('is false for ordinary migrations', () => {
    assert.equal(needsNoTransaction('CREATE TABLE a (id int);\nCREATE INDEX "a_idx" ON a (id);\nALTER TABLE a ADD COLUMN b int;'), false);
  });

  it('does not count the words in comments or strings', () => {
    const script = `-- Could use CREATE INDEX CONCURRENTLY later; not here.\n/* VACUUM; */\nCOMMENT ON TABLE a IS 'VACUUM nightly';\nCREATE INDEX i ON a (id);`;
    assert.equal(needsNoTransaction(script), false);
  });

  it('is true with the explicit marker', () => {
    assert.equal(needsNoTransaction('-- migration: no-transaction\nUPDATE a SET b = 1;'), true);
  });
});
