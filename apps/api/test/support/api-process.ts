// The built API as its own operating-system process, as a replica behind a proxy runs it: the
// tests of what several replicas share (two-replicas, graceful-shutdown, read-replica) start it
// through here. The entry is the main.js that `tools/test/run-tests.mjs` compiled with the tests.
import { type ChildProcess, spawn } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../src/main.js', import.meta.url));
// One key for every process of a test: a token signed by one replica is valid on the other.
export const SHARED_JWT_SECRET = 'two-replicas-test-secret-at-least-32-characters';

export interface ApiProcess {
  baseUrl: string;
  pid: number;
  /** Everything the process wrote, stdout and stderr together (for failure messages). */
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  /** Sends the signal (SIGTERM by default) and waits for the exit; SIGKILL after `killAfterMs`. */
  stop(signal?: NodeJS.Signals, killAfterMs?: number): Promise<number | null>;
}

/**
 * Starts `node main.js` (or `main`, such as the bundle) with the environment given on top of a
 * test's defaults (PORT=0: the process picks a free port and logs it) and resolves once the
 * process answers /health/ready with 200. Run from a temporary directory, so that no developer's
 * .env reaches it.
 */
export async function startApiProcess(env: Record<string, string>, readyWithinMs = 60_000, main = MAIN): Promise<ApiProcess> {
  const child: ChildProcess = spawn(process.execPath, [main], {
    cwd: os.tmpdir(),
    // The test's own environment underneath (its PATH, its locale); everything the API reads is set here.
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      PORT: '0',
      JWT_SECRET: SHARED_JWT_SECRET,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const keep = (chunk: Buffer) => (output = (output + chunk.toString()).slice(-64_000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve((exitCode = code))));

  const started = Date.now();
  let baseUrl: string | undefined;
  for (;;) {
    if (exitCode !== undefined) throw new Error(`the API process exited (${exitCode}) before it was ready:\n${output}`);
    if (Date.now() - started > readyWithinMs) {
      child.kill('SIGKILL');
      throw new Error(`the API process was not ready within ${readyWithinMs} ms:\n${output}`);
    }
    baseUrl ??= /listening on (http:\/\/[\d.]+:\d+)/.exec(output)?.[1];
    if (baseUrl && (await answersReady(baseUrl))) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }

  return {
    baseUrl,
    pid: child.pid!,
    output: () => output,
    exited,
    stop: async (signal = 'SIGTERM', killAfterMs = 15_000) => {
      if (exitCode !== undefined) return exitCode;
      child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

async function answersReady(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/health/ready`);
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

/** A parsed JSON answer, read loosely as tests read supertest's `body`. */
export type Answer = Record<string, unknown> & { accessToken?: string; refreshToken?: string; data?: Array<Record<string, unknown>> };

/** A JSON request to a process; the body parsed when there is one. */
export async function call(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown } = {},
): Promise<{ status: number; body: Answer; headers: Headers }> {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      ...(options.token ? { Authorization: `Bearer ${options.token}` } : {}),
      ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  const text = await response.text();
  let body = text as unknown as Answer;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON: kept as text.
  }
  return { status: response.status, body, headers: response.headers };
}
