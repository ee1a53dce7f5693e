import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KnownEngineError } from './errors.mjs';
import { JsonRpcServer } from './rpc.mjs';

function serve(options) {
  const lines = [];
  const server = new JsonRpcServer({ write: (line) => lines.push(JSON.parse(line)), ...options });
  const send = (request) => server.handleLine(typeof request === 'string' ? request : JSON.stringify({ jsonrpc: '2.0', ...request }));
  return { server, lines, send };
}

describe('JsonRpcServer', () => {
  it('answers each request with the engine result, in order', async () => {
    const calls = [];
    const engine = {
      async diagnoseMigrationHistory(params) {
        calls.push(['diagnose', params]);
        await new Promise((resolve) => setTimeout(resolve, 20));
        return { history: null };
      },
      async applyMigrations(params) {
        calls.push(['apply', params]);
        return { appliedMigrationNames: ['a'] };
      },
    };
    const { lines, send, server } = serve({ engine });
    send({ id: 1, method: 'diagnoseMigrationHistory', params: { x: 1 } });
    send({ id: 2, method: 'applyMigrations', params: { y: 2 } });
    await server.idle();
    assert.deepEqual(calls, [['diagnose', { x: 1 }], ['apply', { y: 2 }]]);
    assert.deepEqual(lines, [
      { jsonrpc: '2.0', id: 1, result: { history: null } },
      { jsonrpc: '2.0', id: 2, result: { appliedMigrationNames: ['a'] } },
    ]);
  });

  it('answers an undefined result with null (the CLI needs a result member)', async () => {
    const { lines, send, server } = serve({ engine: { async dbExecute() {} } });
    send({ id: 3, method: 'dbExecute', params: {} });
    await server.idle();
    assert.deepEqual(lines, [{ jsonrpc: '2.0', id: 3, result: null }]);
  });

  it('maps getDatabaseVersion to version', async () => {
    const { lines, send, server } = serve({ engine: { version: async () => 'PostgreSQL 15' } });
    send({ id: 1, method: 'getDatabaseVersion', params: {} });
    await server.idle();
    assert.equal(lines[0].result, 'PostgreSQL 15');
  });

  it('sends migrate diff output as a print request before the answer, as the native engine does', async () => {
    const { lines, send, server } = serve({ engine: { diff: async () => ({ exitCode: 2, stdout: 'CREATE TABLE x ();' }) } });
    send({ id: 1, method: 'diff', params: {} });
    await server.idle();
    assert.equal(lines.length, 2);
    assert.equal(lines[0].method, 'print');
    assert.deepEqual(lines[0].params, { content: 'CREATE TABLE x ();' });
    assert.ok(lines[0].id >= 1_000_000, 'print ids do not collide with the CLI ids');
    assert.deepEqual(lines[1], { jsonrpc: '2.0', id: 1, result: { exitCode: 2, stdout: 'CREATE TABLE x ();' } });
  });

  it("ignores blank lines and the CLI's answers to print requests", async () => {
    const { lines, send, server } = serve({ engine: {} });
    send('   ');
    send({ id: 1_000_000, result: {} });
    await server.idle();
    assert.deepEqual(lines, []);
  });

  it('answers unparsable lines and unknown methods with JSON-RPC errors', async () => {
    const { lines, send, server } = serve({ engine: { free() {}, async ok() {} } });
    send('{not json');
    send({ id: 2, method: 'nope' });
    send({ id: 3, method: 'free' });
    await server.idle();
    assert.equal(lines[0].error.code, -32700);
    assert.deepEqual(lines.slice(1).map((line) => [line.id, line.error.code]), [[2, -32601], [3, -32601]]);
  });

  it('answers engine errors in the shape the CLI formats (error_code, message)', async () => {
    const engine = { applyMigrations: async () => Promise.reject(Object.assign(new Error('found failed migrations'), { code: 'P3009' })) };
    const { lines, send, server } = serve({ engine });
    send({ id: 1, method: 'applyMigrations', params: {} });
    await server.idle();
    assert.deepEqual(lines[0].error.data, { is_panic: false, message: 'found failed migrations', meta: {}, error_code: 'P3009' });
  });

  it('reports a failed migration script as P3018 with the PostgreSQL error', async () => {
    let failure;
    const engine = {
      async applyMigrations() {
        failure = { code: '42P01', message: 'relation "nope" does not exist' };
        throw new Error('external connector error\n   with migration_name="20240101000000_bad"');
      },
    };
    const takeScriptFailure = () => {
      const taken = failure;
      failure = undefined;
      return taken;
    };
    const { lines, send, server } = serve({ engine, takeScriptFailure });
    send({ id: 1, method: 'applyMigrations', params: {} });
    await server.idle();
    assert.equal(lines[0].error.data.error_code, 'P3018');
    assert.equal(lines[0].error.data.meta.database_error_code, '42P01');
    assert.equal(lines[0].error.data.meta.migration_name, '20240101000000_bad');
  });

  it('retries once after a devDiagnostic when the engine lost its shadow database factory', async () => {
    const calls = [];
    let lost = true;
    const engine = {
      async evaluateDataLoss(params) {
        calls.push('evaluateDataLoss');
        if (lost) throw new Error('PostgreSQL shadow DB must be provided through an external factory');
        return { warnings: [], params };
      },
      async devDiagnostic(params) {
        calls.push(['devDiagnostic', params]);
        lost = false;
        return { action: { tag: 'createMigration' } };
      },
    };
    const { lines, send, server } = serve({ engine });
    send({ id: 1, method: 'evaluateDataLoss', params: { migrationsList: { baseDir: 'm' }, prismaSchema: {} } });
    await server.idle();
    assert.deepEqual(calls, [
      'evaluateDataLoss',
      ['devDiagnostic', { migrationsList: { baseDir: 'm' }, filters: { externalTables: [], externalEnums: [] } }],
      'evaluateDataLoss',
    ]);
    assert.deepEqual(lines[0].result.warnings, []);
  });

  it('answers every request with the setup error when no engine could start', async () => {
    const { lines, send, server } = serve({ setupError: new Error("Can't reach database server at `127.0.0.1:1`") });
    send({ id: 1, method: 'diff', params: {} });
    send({ id: 2, method: 'diff', params: {} });
    await server.idle();
    assert.deepEqual(lines.map((line) => [line.id, line.error.data.error_code]), [[1, 'P1001'], [2, 'P1001']]);
    assert.equal(server.failed, true);
  });

  it('answers the request in flight when the engine throws outside its promise, and refuses later ones', async () => {
    let calls = 0;
    // What the WebAssembly engine does with bad params: the promise never settles and the error
    // surfaces as an uncaught exception, which the bridge hands to crash().
    const engine = { diagnoseMigrationHistory: () => (calls++, new Promise(() => {})) };
    const { lines, send, server } = serve({ engine });
    const pending = send({ id: 7, method: 'diagnoseMigrationHistory', params: {} });
    await new Promise((resolve) => setTimeout(resolve, 0));
    assert.equal(server.crash(new Error('missing field `migrationsList`')), true);
    await pending;
    send({ id: 8, method: 'diagnoseMigrationHistory', params: {} });
    await server.idle();
    assert.equal(calls, 1, 'the engine is not called again');
    assert.deepEqual(lines.map((line) => line.id), [7, 8]);
    assert.equal(lines[0].error.data.message, 'missing field `migrationsList`');
    assert.match(lines[1].error.data.message, /stopped after an earlier error: missing field `migrationsList`/);
    assert.equal(server.failed, true);
  });

  it('says when a stray error came with no request in flight, and refuses later requests', async () => {
    const { lines, send, server } = serve({ engine: { version: async () => 'v' } });
    assert.equal(server.crash(new Error('stray')), false);
    send({ id: 1, method: 'version', params: {} });
    await server.idle();
    assert.match(lines[0].error.data.message, /stopped after an earlier error: stray/);
  });

  it("reports a panic with the engine's panic message, not the trap's", async () => {
    let panic;
    const engine = {
      async diff() {
        panic = 'panicked at describer.rs:1:1: as char failed';
        throw new Error('unreachable');
      },
    };
    const takePanic = () => {
      const taken = panic;
      panic = undefined;
      return taken;
    };
    const { lines, send, server } = serve({ engine, takePanic });
    send({ id: 1, method: 'diff', params: {} });
    send({ id: 2, method: 'diff', params: {} });
    await server.idle();
    assert.equal(lines[0].error.data.message, 'The schema engine panicked: panicked at describer.rs:1:1: as char failed');
    assert.equal(lines[0].error.data.is_panic, false, 'no bug-report prompt from the CLI');
    assert.match(lines[1].error.data.message, /stopped after an earlier error/);
  });

  it('answers with an error, not silence, when a result cannot be serialised', async () => {
    const { lines, send, server } = serve({ engine: { version: async () => ({ big: 1n }) } });
    send({ id: 4, method: 'version', params: {} });
    await server.idle();
    assert.equal(lines[0].id, 4);
    assert.equal(lines[0].error.code, -32603);
    assert.equal(lines[0].error.data.error_code, undefined);
  });

  it('needs an engine or a setup error', () => {
    assert.throws(() => new JsonRpcServer({ write() {} }));
    assert.ok(new JsonRpcServer({ setupError: new KnownEngineError('P1012', 'no url'), write() {} }).failed);
  });

  it("answers an error of our adapter factory (\"External error id#N\") with that error, code and all", async () => {
    const registered = [new KnownEngineError('P3014', 'set SHADOW_DATABASE_URL'), new Error('socket closed')];
    const engine = {
      devDiagnostic: async () => {
        throw new Error('Failed to connect to the shadow database\nExternal error id#0');
      },
      diff: async () => {
        throw new Error('Failed to connect to the shadow database\nExternal error id#1');
      },
      version: async () => {
        throw new Error('Something else\nExternal error id#7');
      },
    };
    const { lines, send, server } = serve({ engine, externalError: (id) => registered[id] });
    send({ id: 1, method: 'devDiagnostic', params: {} });
    send({ id: 2, method: 'diff', params: {} });
    send({ id: 3, method: 'version', params: {} });
    await server.idle();
    assert.deepEqual(lines[0].error.data, { is_panic: false, message: 'set SHADOW_DATABASE_URL', meta: {}, error_code: 'P3014' });
    assert.equal(lines[1].error.data.message, 'Failed to connect to the shadow database: socket closed');
    assert.equal(lines[2].error.data.message, 'Something else\nExternal error id#7', 'an id nothing was registered under leaves the message alone');
  });
});
