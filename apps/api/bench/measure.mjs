// How the benchmark measures: autocannon for throughput under concurrent load (every response's
// latency kept, so p95 is exact rather than autocannon's histogram buckets), one client's requests
// asked of each server in turn for single-client latency, and the resident memory of a process read
// from /proc.
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { clearInterval, setInterval } from 'node:timers';
import autocannon from 'autocannon';

export function percentile(sorted, fraction) {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

export function summarize(latencies) {
  const sorted = [...latencies].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95), p99: percentile(sorted, 0.99) };
}

/**
 * One round of `seconds` at `connections` concurrent requests; `nextRequest(index)` gives each
 * request's { method, path, headers, body }. Resolves to req/s, latency percentiles (ms), every
 * response's latency, and failures.
 */
export function loadRound({ baseUrl, connections, seconds, nextRequest }) {
  const latencies = [];
  let sent = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl,
        connections,
        duration: seconds,
        requests: [
          {
            setupRequest: (request) => {
              const next = nextRequest(sent++);
              return { ...request, ...next, headers: { ...request.headers, ...next.headers } };
            },
          },
        ],
      },
      (error, result) => {
        if (error) return reject(error);
        resolve({
          requestsPerSecond: result.requests.total / (result.duration || seconds),
          ...summarize(latencies),
          failures: result.errors + result.timeouts + result.non2xx,
          latencies,
        });
      },
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

/**
 * Requests one after another, as one front-desk client would, each path asked of every server in
 * turn, the first to answer alternating from one path to the next: every server meets the same
 * caches (PostgreSQL's buffers, the disk cache), where passes one server after the other would
 * have the first read from the disk what the second then finds in memory. Latency percentiles (ms)
 * per server, in the order of `baseUrls`.
 */
export async function alternatingPasses({ baseUrls, headers, paths }) {
  const latencies = baseUrls.map(() => []);
  // The status of each failed answer, counted: a benchmark that saw failures says which.
  const failed = baseUrls.map(() => ({}));
  // One kept-alive socket per server, through node:http: the global fetch adds time of its own to
  // each request (its web streams), which would be counted as the server's latency. Against the
  // bare server's readiness check on the 2026-12-02 18:40 UTC machine: fetch 0.9-1.5 ms at p50 and
  // 2.9-4.1 at p95, node:http 0.4-0.8 and 1.0-2.7.
  const agents = baseUrls.map(() => new http.Agent({ keepAlive: true, maxSockets: 1 }));
  try {
    for (const [index, path] of paths.entries()) {
      for (let turn = 0; turn < baseUrls.length; turn++) {
        const server = (index + turn) % baseUrls.length;
        const started = performance.now();
        const status = await answerOf(baseUrls[server] + path, { headers, agent: agents[server] });
        latencies[server].push(performance.now() - started);
        if (status < 200 || status > 299) failed[server][status] = (failed[server][status] ?? 0) + 1;
      }
    }
  } finally {
    for (const agent of agents) agent.destroy();
  }
  return baseUrls.map((_, server) => ({
    ...summarize(latencies[server]),
    failures: Object.values(failed[server]).reduce((sum, count) => sum + count, 0),
    failedStatuses: failed[server],
    requests: paths.length,
  }));
}

/** GETs `url` and reads the whole answer; resolves to its status once the last byte is in. */
function answerOf(url, options) {
  return new Promise((resolve, reject) => {
    const request = http.get(url, options, (response) => {
      response.on('error', reject);
      response.on('end', () => resolve(response.statusCode ?? 0));
      response.resume();
    });
    request.on('error', reject);
  });
}

/** The process's resident set size in MB (Linux), or NaN where /proc is not there. */
export async function residentMegabytes(pid) {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kilobytes = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1]);
    return kilobytes / 1024;
  } catch {
    return Number.NaN;
  }
}

/** Samples a process's RSS every 100 ms while `work` runs; resolves to work's result and the peak. */
export async function withPeakMemory(pid, work) {
  let peak = await residentMegabytes(pid);
  const timer = setInterval(() => void residentMegabytes(pid).then((mb) => (peak = Math.max(peak, mb))), 100);
  try {
    const result = await work();
    return { result, peakMegabytes: peak };
  } finally {
    clearInterval(timer);
  }
}
