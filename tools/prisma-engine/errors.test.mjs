import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { asKnownError, engineErrorResponse, KnownEngineError, knownFromMessage, printCliError } from './errors.mjs';

describe('engineErrorResponse', () => {
  it('gives a bridge error its Prisma code', () => {
    const response = engineErrorResponse(new KnownEngineError('P1012', 'no url'));
    assert.equal(response.code, 4466);
    assert.deepEqual(response.data, { is_panic: false, message: 'no url', meta: {}, error_code: 'P1012' });
  });

  it('keeps the code and meta of a known error from the WebAssembly engine', () => {
    const error = Object.assign(new Error('failed migrations'), { code: 'P3009', meta: { details: 'x' } });
    assert.deepEqual(engineErrorResponse(error).data, { is_panic: false, message: 'failed migrations', meta: { details: 'x' }, error_code: 'P3009' });
  });

  it('recognises connection failures the engine reports without a code', () => {
    const unreachable = engineErrorResponse(new Error("Can't reach database server at `127.0.0.1:1`\n\nPlease make sure …"));
    assert.equal(unreachable.data.error_code, 'P1001');
    assert.equal(engineErrorResponse(new Error('Database `nope` does not exist\n')).data.error_code, 'P1003');
    assert.equal(engineErrorResponse(new Error('Authentication failed against database server at `h`, …')).data.error_code, 'P1000');
  });

  it('leaves other errors without a code, with their message', () => {
    assert.deepEqual(engineErrorResponse(new Error('something else')).data, { is_panic: false, message: 'something else', meta: {} });
    assert.equal(engineErrorResponse('a bare string').data.message, 'a bare string');
    assert.equal(engineErrorResponse({ message: 'an object' }).data.message, 'an object');
    const circular = {};
    circular.self = circular;
    assert.equal(typeof engineErrorResponse(circular).data.message, 'string');
  });

  it("turns a failed migration script into P3018 with PostgreSQL's code and message", () => {
    const engineError = new Error('external connector error\nNo such table: nope\n   0: apply_script\n           with migration_name="20240101000000_bad"');
    const response = engineErrorResponse(engineError, {
      method: 'applyMigrations',
      scriptFailure: { code: '42P01', message: 'relation "nope" does not exist' },
    });
    assert.equal(response.data.error_code, 'P3018');
    assert.match(response.data.message, /^A migration failed to apply\./);
    assert.match(response.data.message, /Migration name: 20240101000000_bad\n\nDatabase error code: 42P01\n\nDatabase error:\nrelation "nope" does not exist/);
    assert.deepEqual(response.data.meta, {
      migration_name: '20240101000000_bad',
      database_error_code: '42P01',
      database_error: 'relation "nope" does not exist',
    });
  });

  it('gives P3018 only for applyMigrations with a script failure', () => {
    assert.equal(engineErrorResponse(new Error('x'), { method: 'applyMigrations' }).data.error_code, undefined);
    assert.equal(engineErrorResponse(new Error('x'), { method: 'dbExecute', scriptFailure: { code: '42P01', message: 'm' } }).data.error_code, undefined);
  });
});

describe('knownFromMessage / asKnownError', () => {
  it('matches only at the start of the message', () => {
    assert.equal(knownFromMessage("Context: Can't reach database server at x"), undefined);
    assert.equal(knownFromMessage(undefined), undefined);
    assert.equal(asKnownError(new Error('The database server was reached but timed out.')).code, 'P1002');
  });
});

describe('printCliError', () => {
  it("writes a banner line, then one JSON log record the CLI reads (message and error_code)", (t) => {
    const written = [];
    t.mock.method(process.stderr, 'write', (chunk) => {
      written.push(String(chunk));
      return true;
    });
    printCliError(new KnownEngineError('P1001', "Can't reach database server"));
    t.mock.restoreAll();
    const lines = written.join('').split('\n').filter(Boolean);
    assert.equal(lines.length, 2);
    const record = JSON.parse(lines[1]);
    assert.equal(record.level, 'ERROR');
    assert.deepEqual(record.fields, { message: "Can't reach database server", error_code: 'P1001' });
  });
});
