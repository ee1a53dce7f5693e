#!/usr/bin/env node
// A stand-in for Prisma's native `schema-engine` binary, for machines that cannot download it.
//
// The Prisma CLI runs the file named by PRISMA_SCHEMA_ENGINE_BINARY exactly as it would run the
// native engine. This one runs Prisma's own WebAssembly build of that engine
// (@prisma/schema-engine-wasm) and gives it PostgreSQL through the `pg` driver adapter:
//   schema-engine --datasource '{"url":…}' cli can-connect-to-database|create-database|drop-database
//   schema-engine --datamodels <file>… --datasource '{"url":…}'   then JSON-RPC 2.0, one per line
// Where the WebAssembly engine and the adapter differ from the native engine, the differences
// are mended here, each with its reason (see README.md here, "The mends, and why").
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import readline from 'node:readline';
import { parseArgs } from './args.mjs';
import { printCliError } from './errors.mjs';
import { MigrationAdapterFactory, poolConfigFromUrl, runCliCommand, takeLastScriptFailure } from './postgres.mjs';
import { JsonRpcServer } from './rpc.mjs';

const require = createRequire(import.meta.url);

/**
 * On a panic the engine's hook hands the message to this global registry (the Prisma CLI and client
 * define their own) and then traps; without it the message is lost behind "Cannot read properties
 * of undefined (reading 'set_message')". The last message is kept for the answer to the request.
 */
let lastPanic;
globalThis.PRISMA_WASM_PANIC_REGISTRY ??= {
  set_message(message) {
    lastPanic = message;
  },
};

function takePanic() {
  const message = lastPanic;
  lastPanic = undefined;
  return message;
}

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

async function serveJsonRpc(args) {
  const { SchemaEngine } = await loadWasmEngine();
  const log = (line) => process.stderr.write(`${typeof line === 'string' ? line : JSON.stringify(line)}\n`);
  let factory;
  let server;
  // The engine connects as it starts. When it cannot (no url, server down, no such database), the
  // bridge stays up and gives the reason as the answer to each request, in Prisma's codes: an
  // engine that exits while the CLI waits for an answer leaves some commands (migrate diff) to
  // end with status 0 and no output, which a drift check would read as "no difference".
  try {
    const datamodels = await Promise.all(args.datamodels.map(async (file) => [file, await readFile(file, 'utf8')]));
    factory = new MigrationAdapterFactory(poolConfigFromUrl(args.datasource?.url), args.datasource?.shadowDatabaseUrl);
    const engine = await SchemaEngine.new({ datamodels: datamodels.length ? datamodels : undefined }, log, factory.bound);
    const externalError = (id) => factory.bound.errorRegistry?.consumeError(id)?.error;
    server = new JsonRpcServer({ engine, write: writeLine, takeScriptFailure: takeLastScriptFailure, takePanic, externalError });
  } catch (error) {
    server = new JsonRpcServer({ setupError: error, write: writeLine });
  }

  // The WebAssembly engine rethrows some errors (bad params, a JavaScript error inside a driver
  // call) from a task of its own: they reach here instead of the request's promise, which then
  // never settles. The request is answered with the error rather than the process crashing.
  const onStrayError = (error) => {
    if (server.crash(error)) return;
    printCliError(error);
    process.exit(1);
  };
  process.on('uncaughtException', onStrayError);
  process.on('unhandledRejection', onStrayError);

  const input = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  input.on('line', (line) => server.handleLine(line));
  input.on('close', async () => {
    await server.idle();
    // A pool stuck behind a failed engine must not keep the CLI waiting for our exit.
    await Promise.race([factory?.closeAll(), new Promise((resolve) => setTimeout(resolve, 2000))]);
    process.exit(server.failed ? 1 : 0);
  });
}

function writeLine(line) {
  process.stdout.write(`${line}\n`);
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
