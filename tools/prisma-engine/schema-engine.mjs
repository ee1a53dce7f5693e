#!/usr/bin/env node
// A stand-in for Prisma's native `schema-engine` binary, for machines that cannot download it.
//
// The Prisma CLI runs the file named by PRISMA_SCHEMA_ENGINE_BINARY exactly as it would run the
// native engine. This one runs Prisma's own WebAssembly build of that engine
// (@prisma/schema-engine-wasm) and gives it PostgreSQL through the `pg` driver adapter:
//   schema-engine --datasource '{"url":…}' cli can-connect-to-database|create-database|drop-database
//   schema-engine --datamodels <file>… --datasource '{"url":…}'   then JSON-RPC 2.0, one per line
// Where the WebAssembly engine and the adapter differ from the native engine, the differences
// are mended here, each with its reason (see README, "How the offline engine works").
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import readline from 'node:readline';
import { parseArgs } from './args.mjs';
import { engineErrorResponse, printCliError } from './errors.mjs';
import { MigrationAdapterFactory, poolConfigFromUrl, runCliCommand, takeLastScriptFailure } from './postgres.mjs';

const require = createRequire(import.meta.url);

async function loadWasmEngine() {
  // The package's ESM entry imports the .wasm file as a module, which Node 20 refuses, so the
  // module is instantiated here with the glue code the entry would have used.
  const bindings = await import('@prisma/schema-engine-wasm/schema_engine_bg');
  const wasmPath = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg').replace(/\.js$/, '.wasm');
  const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
    './schema_engine_bg.js': bindings,
  });
  bindings.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  return bindings;
}

// Names the CLI has used for a method, mapped to the WebAssembly engine's.
const METHOD_ALIASES = { getDatabaseVersion: 'version' };

async function serveJsonRpc(args) {
  const { SchemaEngine } = await loadWasmEngine();
  const datamodels = await Promise.all(
    args.datamodels.map(async (file) => [file, await readFile(file, 'utf8')]),
  );
  const factory = new MigrationAdapterFactory(poolConfigFromUrl(args.datasource?.url), args.datasource?.shadowDatabaseUrl);
  const log = (line) => process.stderr.write(`${typeof line === 'string' ? line : JSON.stringify(line)}\n`);
  const engine = await SchemaEngine.new({ datamodels: datamodels.length ? datamodels : undefined }, log, factory.bound);

  // Requests run one after another, as the native engine handles them.
  let queue = Promise.resolve();
  const input = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  input.on('line', (line) => {
    if (!line.trim()) return;
    queue = queue.then(() => answer(engine, line));
  });
  input.on('close', () => {
    queue.then(async () => {
      await factory.closeAll();
      process.exit(0);
    });
  });
}

async function answer(engine, line) {
  let request;
  try {
    request = JSON.parse(line);
  } catch {
    return reply({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } });
  }
  // The CLI's answers to our `print` requests carry no method and need nothing.
  if (request.method === undefined) return;
  const method = METHOD_ALIASES[request.method] ?? request.method;
  if (typeof engine[method] !== 'function' || method === 'free') {
    return reply({ jsonrpc: '2.0', id: request.id, error: { code: -32601, message: `Method not found: ${request.method}` } });
  }
  takeLastScriptFailure();
  try {
    const result = await callEngine(engine, method, request.params ?? {});
    // The native engine hands `migrate diff` output to the CLI as a `print` request; the
    // WebAssembly engine returns it in the result instead.
    if (method === 'diff' && typeof result?.stdout === 'string') {
      reply({ jsonrpc: '2.0', id: nextPrintId++, method: 'print', params: { content: result.stdout } });
    }
    reply({ jsonrpc: '2.0', id: request.id, result: result === undefined ? null : result });
  } catch (error) {
    reply({ jsonrpc: '2.0', id: request.id, error: engineErrorResponse(error, { method, scriptFailure: takeLastScriptFailure() }) });
  }
}

/**
 * The WebAssembly engine reaches the shadow-database factory only once a devDiagnostic has run
 * on it, and loses it again after applyMigrations, so `migrate dev` failed in evaluateDataLoss
 * with "PostgreSQL shadow DB must be provided through an external factory". Such a call is retried
 * once after a devDiagnostic over the same migrations, which only reads.
 */
async function callEngine(engine, method, params) {
  try {
    return await engine[method](params);
  } catch (error) {
    if (!/shadow DB must be provided through an external factory/.test(error?.message) || !params.migrationsList) throw error;
    await engine.devDiagnostic({ migrationsList: params.migrationsList, filters: params.filters ?? { externalTables: [], externalEnums: [] } });
    return engine[method](params);
  }
}

let nextPrintId = 1_000_000;

function reply(message) {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.version) {
    const { version } = await loadWasmEngine();
    process.stdout.write(`schema-engine-wasm ${version()}\n`);
    return;
  }
  if (args.cliCommand) {
    try {
      await runCliCommand(args.cliCommand, args.datasource?.url);
      process.exit(0);
    } catch (error) {
      printCliError(error);
      process.exit(1);
    }
  }
  await serveJsonRpc(args);
}

main().catch((error) => {
  printCliError(error);
  process.exit(1);
});
