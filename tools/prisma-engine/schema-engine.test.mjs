// The bridge as the CLI runs it: a child process, JSON-RPC on stdin/stdout. With DATABASE_URL a
// real server is used; without it, an embedded PostgreSQL (PGlite) served from this process.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const bridge = path.join(path.dirname(fileURLToPath(import.meta.url)), 'schema-engine.mjs');

/** Runs the bridge, writes the requests, closes stdin once each request has its answer. */
function jsonLines(text) {
  return text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line));
}

function runBridge(args, requests = [], { timeout = 20_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bridge, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`the bridge did not finish in ${timeout} ms\nstdout: ${stdout}\nstderr: ${stderr}`));
    }, timeout);
    const answered = () => jsonLines(stdout).filter((message) => message.method === undefined);
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (requests.length && answered().length >= requests.length) child.stdin.end();
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdin.on('error', () => undefined); // the bridge may have exited (cli commands)
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      resolve({ exitCode, stdout, stderr, messages: jsonLines(stdout) });
    });
    for (const request of requests) child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', ...request })}\n`);
    if (!requests.length && !args.includes('cli') && !args.includes('--version')) child.stdin.end();
  });
}

async function closedPort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const datasource = (url) => ['--datasource', JSON.stringify({ url })];

describe('the schema-engine bridge process', () => {
  let url;
  let stopEmbedded;
  before(async () => {
    if (process.env.DATABASE_URL) {
      url = process.env.DATABASE_URL;
      return;
    }
    const { PGlite } = await import('@electric-sql/pglite');
    const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
    const db = await PGlite.create();
    const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 4 });
    await server.start();
    url = `postgresql://postgres@${server.getServerConn()}/postgres`;
    stopEmbedded = async () => {
      await server.stop();
      await db.close();
    };
  });
  after(() => stopEmbedded?.());

  it('prints its version', async () => {
    const { exitCode, stdout } = await runBridge(['--version']);
    assert.equal(exitCode, 0);
    assert.match(stdout, /^schema-engine-wasm \S+/);
  });

  it('answers a request whose params the engine cannot read with a JSON-RPC error, without a stack trace', async () => {
    const { exitCode, messages, stderr } = await runBridge(datasource(url), [{ id: 1, method: 'diagnoseMigrationHistory', params: {} }]);
    assert.equal(messages.length, 1);
    assert.equal(messages[0].id, 1);
    assert.match(messages[0].error.data.message, /missing field `migrationsList`/);
    assert.doesNotMatch(stderr, /at __wbg|wasm-function/, 'no raw stack');
    assert.equal(exitCode, 1, 'exits once stdin closes, reporting the failure');
  });

  it('refuses requests after such an error instead of hanging', async () => {
    const { messages } = await runBridge(datasource(url), [
      { id: 1, method: 'applyMigrations', params: { migrationsList: 5 } },
      { id: 2, method: 'getDatabaseVersion', params: { datasource: { tag: 'ConnectionString', url } } },
    ]);
    assert.deepEqual(messages.map((message) => message.id), [1, 2]);
    assert.match(messages[1].error.data.message, /stopped after an earlier error/);
  });

  it('answers with the data it was asked for when all is well', async () => {
    const { exitCode, messages } = await runBridge(datasource(url), [
      { id: 1, method: 'getDatabaseVersion', params: { datasource: { tag: 'ConnectionString', url } } },
    ]);
    assert.equal(exitCode, 0);
    assert.match(messages[0].result, /PostgreSQL/);
  });

  it('answers P1012 when there is no url, rather than exiting while the CLI waits', async () => {
    const { exitCode, messages } = await runBridge([], [{ id: 1, method: 'diff', params: {} }]);
    assert.equal(messages[0].error.data.error_code, 'P1012');
    assert.equal(exitCode, 1);
  });

  it('answers P1001 for a server that does not answer', async () => {
    const port = await closedPort();
    const { messages } = await runBridge(datasource(`postgresql://postgres@127.0.0.1:${port}/postgres`), [{ id: 1, method: 'diff', params: {} }]);
    assert.equal(messages[0].error.data.error_code, 'P1001');
    assert.match(messages[0].error.data.message, new RegExp(`Can't reach database server at \`127.0.0.1:${port}\``));
  });

  it('`cli can-connect-to-database` exits 0, or 1 with the error in the log format the CLI reads', async () => {
    assert.equal((await runBridge([...datasource(url), 'cli', 'can-connect-to-database'])).exitCode, 0);
    const port = await closedPort();
    const { exitCode, stderr } = await runBridge([...datasource(`postgresql://postgres@127.0.0.1:${port}/postgres`), 'cli', 'can-connect-to-database']);
    assert.equal(exitCode, 1);
    const record = JSON.parse(stderr.split('\n').filter(Boolean).at(-1));
    assert.equal(record.level, 'ERROR');
    assert.equal(record.fields.error_code, 'P1001');
  });

  it('refuses an unknown cli command clearly', async () => {
    const { exitCode, stderr } = await runBridge([...datasource(url), 'cli', 'frobnicate']);
    assert.equal(exitCode, 1);
    assert.match(stderr, /unsupported command \\"cli frobnicate\\"/);
  });
});
