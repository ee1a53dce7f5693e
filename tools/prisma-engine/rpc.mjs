// The JSON-RPC side of the bridge: one request per line on stdin, one answer per line on stdout,
// each request forwarded to the WebAssembly engine in turn. Kept apart from the engine's loading
// so that it can be tested with a stand-in engine.
import { engineErrorResponse, KnownEngineError } from './errors.mjs';

// Names the CLI has used for a method, mapped to the WebAssembly engine's.
const METHOD_ALIASES = { getDatabaseVersion: 'version' };

// Ids for the bridge's own `print` requests, well clear of the CLI's (which count up from 1).
const FIRST_PRINT_ID = 1_000_000;

export class JsonRpcServer {
  #engine;
  #failure;
  #write;
  #takeScriptFailure;
  #takePanic;
  #externalError;
  #queue = Promise.resolve();
  #inFlight;
  #nextPrintId = FIRST_PRINT_ID;

  /**
   * @param {object} options
   * @param {object} [options.engine] the WebAssembly SchemaEngine (or a stand-in)
   * @param {unknown} [options.setupError] why no engine could be built: every request gets it as its error
   * @param {(line: string) => void} options.write writes one line to the CLI
   * @param {() => unknown} [options.takeScriptFailure] the PostgreSQL error of the last failed script, once
   * @param {() => string | undefined} [options.takePanic] the message of the engine's last panic, once
   * @param {(id: number) => unknown} [options.externalError] the error our adapter factory threw, by the
   *   id the engine reports it under ("External error id#3")
   */
  constructor({ engine, setupError, write, takeScriptFailure = () => undefined, takePanic = () => undefined, externalError = () => undefined }) {
    this.#engine = engine;
    this.#failure = setupError === undefined ? undefined : { error: setupError, stopped: false };
    this.#write = write;
    this.#takeScriptFailure = takeScriptFailure;
    this.#takePanic = takePanic;
    this.#externalError = externalError;
    if (!engine && !this.#failure) throw new Error('JsonRpcServer needs an engine or a setup error');
  }

  /** Queues one line from the CLI; requests run one after another, as the native engine runs them. */
  handleLine(line) {
    if (!line.trim()) return this.#queue;
    // A failure to answer one request (an unserialisable result …) must not stop the queue.
    this.#queue = this.#queue
      .then(() => this.#answer(line))
      .catch((error) => this.#write(JSON.stringify({ jsonrpc: '2.0', id: idOf(line), error: internalError(error) })));
    return this.#queue;
  }

  /** Settles once every queued request has been answered. */
  idle() {
    return this.#queue;
  }

  /** Whether the engine can no longer be trusted (it failed to start, or threw outside a request's promise). */
  get failed() {
    return this.#failure !== undefined;
  }

  /**
   * An error the engine threw where no promise could catch it (wasm-bindgen rethrows it from a
   * task, so it reaches `uncaughtException` and the request's promise never settles). The request
   * in flight is answered with it, and so is every later one: the engine's state is unknown after
   * such a throw (a later call was seen to hang). Returns false when no request was in flight.
   */
  crash(error) {
    this.#failure ??= { error, stopped: true };
    if (!this.#inFlight) return false;
    this.#inFlight.fail(error);
    return true;
  }

  async #answer(line) {
    let request;
    try {
      request = JSON.parse(line);
    } catch {
      return this.#reply({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } });
    }
    // The CLI's answers to our `print` requests carry no method and need nothing.
    if (request === null || typeof request !== 'object' || request.method === undefined) return;
    if (this.#failure) {
      const { error, stopped } = this.#failure;
      return this.#replyError(request, stopped ? new Error(`The schema engine stopped after an earlier error: ${messageOf(error)}`) : error);
    }
    const method = METHOD_ALIASES[request.method] ?? request.method;
    if (typeof this.#engine[method] !== 'function' || method === 'free' || method.startsWith('_')) {
      return this.#reply({ jsonrpc: '2.0', id: request.id, error: { code: -32601, message: `Method not found: ${request.method}` } });
    }
    this.#takeScriptFailure();
    this.#takePanic();
    let fail;
    const crashed = new Promise((_, reject) => (fail = reject));
    this.#inFlight = { fail };
    try {
      const result = await Promise.race([this.#call(method, request.params ?? {}), crashed]);
      // The native engine hands `migrate diff` output to the CLI as a `print` request; the
      // WebAssembly engine returns it in the result instead.
      if (method === 'diff' && typeof result?.stdout === 'string') {
        this.#reply({ jsonrpc: '2.0', id: this.#nextPrintId++, method: 'print', params: { content: result.stdout } });
      }
      this.#reply({ jsonrpc: '2.0', id: request.id, result: result === undefined ? null : result });
    } catch (error) {
      if (error instanceof ReplyError) {
        // The engine answered, but its answer cannot be sent: not an engine error (no P3018 …).
        this.#reply({ jsonrpc: '2.0', id: request.id, error: internalError(error) });
      } else this.#replyError(request, error, method);
    } finally {
      this.#inFlight = undefined;
    }
  }

  /**
   * The WebAssembly engine reaches the shadow-database factory only once a devDiagnostic has run
   * on it, and loses it again after applyMigrations, so `migrate dev` failed in evaluateDataLoss
   * with "PostgreSQL shadow DB must be provided through an external factory". Such a call is
   * retried once after a devDiagnostic over the same migrations, which only reads.
   */
  async #call(method, params) {
    try {
      return await this.#engine[method](params);
    } catch (error) {
      if (!/shadow DB must be provided through an external factory/.test(error?.message) || !params.migrationsList) throw error;
      await this.#engine.devDiagnostic({
        migrationsList: params.migrationsList,
        filters: params.filters ?? { externalTables: [], externalEnums: [] },
      });
      return this.#engine[method](params);
    }
  }

  #replyError(request, error, method = request.method) {
    // A panic traps the WebAssembly module ("unreachable"); its message went to the panic registry.
    const panic = this.#takePanic();
    if (panic !== undefined) {
      error = new Error(`The schema engine panicked: ${panic}`);
      this.#failure ??= { error, stopped: true };
    }
    const scriptFailure = this.#takeScriptFailure();
    error = this.#withExternalCause(error);
    this.#reply({ jsonrpc: '2.0', id: request.id ?? null, error: engineErrorResponse(error, { method, scriptFailure }) });
  }

  /**
   * An error thrown by our adapter factory (the shadow database could not be created …) reaches
   * the CLI as the engine's "Failed to connect to the shadow database / External error id#0":
   * the reason stays in the adapter's error registry. A known one (with its Prisma code and fix)
   * replaces the engine's words; another one's message is added to them.
   */
  #withExternalCause(error) {
    const message = messageOf(error);
    const id = /External error id#(\d+)/.exec(message)?.[1];
    const cause = id === undefined ? undefined : this.#externalError(Number(id));
    if (cause === undefined) return error;
    if (cause instanceof KnownEngineError) return cause;
    return new Error(`${message.split('\n')[0]}: ${messageOf(cause)}`);
  }

  #reply(message) {
    let line;
    try {
      line = JSON.stringify(message);
    } catch (error) {
      // Not the engine's failure: answered as an error of its own, not as P3018 or the like.
      throw new ReplyError(error);
    }
    this.#write(line);
  }
}

function internalError(error) {
  const message = `The schema engine bridge could not answer: ${messageOf(error)}`;
  return { code: -32603, message, data: { is_panic: false, message, meta: {} } };
}

function idOf(line) {
  try {
    return JSON.parse(line)?.id ?? null;
  } catch {
    return null;
  }
}

class ReplyError extends Error {
  constructor(cause) {
    super(messageOf(cause));
    this.cause = cause;
  }
}

function messageOf(error) {
  return error instanceof Error ? error.message : String(error?.message ?? error);
}
