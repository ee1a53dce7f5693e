// The two servers under test, each in its own process, and how long each takes to be ready.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import { setTimeout } from 'node:timers';

/** A port nothing listens on right now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function answersReady(baseUrl) {
  try {
    const response = await fetch(`${baseUrl}/health/ready`);
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}

/**
 * Node's options for the API, as `nx run api:serve` and the Dockerfile start it: the heap limit
 * that keeps V8 from growing the heap far past the working set (docs/operations.md, "Memory").
 */
export const API_NODE_OPTIONS = ['--max-old-space-size=512'];

/**
 * Starts `node <nodeOptions> <script>` with `env` (PORT included) and resolves once GET
 * /health/ready answers 200, with the time from spawn to that answer: what an orchestrator
 * waiting on readiness sees.
 */
export async function startServer(name, script, env, nodeOptions = []) {
  const baseUrl = `http://127.0.0.1:${env.PORT}`;
  const started = performance.now();
  const child = spawn(process.execPath, [...nodeOptions, script], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  let exited = false;
  child.once('exit', () => (exited = true));
  while (!(await answersReady(baseUrl))) {
    if (exited) throw new Error(`${name} exited before it was ready:\n${stderr}`);
    if (performance.now() - started > 60_000) {
      child.kill('SIGKILL');
      throw new Error(`${name} was not ready within 60 s:\n${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return {
    name,
    baseUrl,
    pid: child.pid,
    readyMs: performance.now() - started,
    stop: () =>
      new Promise((resolve) => {
        if (exited) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}
