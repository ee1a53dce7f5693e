import type { INestApplication, LoggerService } from '@nestjs/common';
import type { Server } from 'node:http';

export type ShutdownOutcome = 'drained' | 'grace-exceeded';

// How soon a connection whose last request finished is closed while the server drains.
const IDLE_SWEEP_MS = 100;

/**
 * Closes the application the way a replica behind a load balancer must leave: Nest's close runs
 * 1. the background workers' stop (BackgroundWorkers, an OnModuleDestroy): no new jobs;
 * 2. the HTTP server's close: the listening socket closes at once (the balancer's next connection
 *    goes to another replica), requests already running finish, and each keep-alive connection
 *    is closed as soon as it is idle (the server closes idle ones only once, when it starts
 *    closing: a connection whose request finishes later would otherwise stay open until its
 *    keep-alive timeout, and the close with it); a request that arrives on a connection in the
 *    meantime gets 503 with `Connection: close`, which a proxy retries elsewhere;
 * 3. the database pools' close (PrismaService, an OnApplicationShutdown, so after step 2: an
 *    in-flight request never finds its pool gone).
 * Bounded by `graceMs`: when requests are still running then, their connections are cut. A write
 * cut that way is rolled back by PostgreSQL with its transaction (every write commits with its
 * audit event in one), so nothing is left half-written.
 */
export async function closeGracefully(app: INestApplication, graceMs: number, logger: LoggerService): Promise<ShutdownOutcome> {
  let timer: NodeJS.Timeout | undefined;
  const graceOver = new Promise<'grace-exceeded'>((resolve) => {
    timer = setTimeout(() => resolve('grace-exceeded'), graceMs);
  });
  const server = app.getHttpServer() as Server;
  const closeIdle = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
  const closed = app.close().then(() => 'drained' as const);
  const outcome = await Promise.race([closed, graceOver]).finally(() => clearInterval(closeIdle));
  clearTimeout(timer);
  if (outcome === 'grace-exceeded') {
    logger.warn(`requests still running after the shutdown grace of ${graceMs / 1000} s: closing their connections`, 'Shutdown');
    server.closeAllConnections();
    // The pools close once the server has; a close that hangs even now is not waited for.
    await Promise.race([closed.catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
  }
  return outcome;
}
