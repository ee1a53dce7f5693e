import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnModuleDestroy } from '@nestjs/common';
import { createPool, DB_OPTIONS, type DbOptions } from '@clinic/db';
import PgBoss from 'pg-boss';
import type pg from 'pg';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig } from '../config/app-config.js';
import { SCRIBE_QUEUE, type ScribeQueueMessage } from './scribe-job.js';
import { ScribeJobsRepository } from './scribe-jobs.repository.js';
import { ScribeRunner } from './scribe-runner.js';

/** pg-boss's schema, installed by migration 20261202012300_create_job_queue (never by the API). */
const QUEUE_SCHEMA = 'pgboss';
/** How often an idle worker asks for a job (pg-boss 10 polls; it uses no LISTEN/NOTIFY). */
const POLLING_SECONDS = 1;
/** A job whose worker vanished (a killed process) is offered again after this long. */
const EXPIRE_SECONDS = 15 * 60;
/** How often a worker makes sure every unfinished job has its message (see requeueUnfinished). */
const REQUEUE_EVERY_MS = 60_000;
/** How long a queue that could not start (the database away) waits before trying again. */
const RESTART_AFTER_MS = 5_000;
/** How long closing waits for the job in hand before pg-boss hands it back for a retry. */
const STOP_TIMEOUT_MS = 20_000;

/**
 * The scribe's job queue: pg-boss 10 on the application's own PostgreSQL, polling and advisory
 * locks only. Every process sends; a process with SCRIBE_WORKER=inline (the API by default, or the
 * worker of `nx run api:worker`) also works the queue, one job at a time. Jobs live in the
 * database, so a job queued or running when a process stops is run when one starts again.
 *
 * Its pool is its own: one connection on the embedded PostgreSQL (PGlite interleaves the protocol
 * of concurrent connections; one is safe), two on a server. On closing it stops taking jobs and
 * waits for the one in hand (Nest's onModuleDestroy, before the database client closes).
 */
@Injectable()
export class ScribeQueue implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ScribeQueue.name);
  private readonly pool: pg.Pool;
  private boss: PgBoss;
  private started = false;
  private closing = false;
  private starting?: Promise<void>;
  /** Ends the wait between two attempts to start, when closing. */
  private wake?: () => void;
  private requeueTimer?: NodeJS.Timeout;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(DB_OPTIONS) db: DbOptions,
    private readonly jobs: ScribeJobsRepository,
    private readonly runner: ScribeRunner,
  ) {
    // On the embedded PostgreSQL (the one that needs assumeRole) every connection shares one
    // session: pg-boss's takes no role of its own, so it never resets the role under another
    // connection's feet; its statements run as whichever role the session has, both allowed.
    const embedded = db.assumeRole !== undefined;
    this.pool = createPool({ databaseUrl: db.databaseUrl, poolSize: embedded ? 1 : 2 });
    // An idle connection the server closed is the pool's to replace, not the process's to crash on.
    this.pool.on('error', (error) => this.logger.warn(`job queue connection lost: ${error.message}`));
    this.boss = this.newBoss();
  }

  private newBoss(): PgBoss {
    const boss = new PgBoss({
      db: { executeSql: (text, values) => this.pool.query(text, values) },
      schema: QUEUE_SCHEMA,
      migrate: false,
      schedule: false,
      // Maintenance (expiring the jobs of a vanished worker, archiving) runs where jobs are worked.
      supervise: this.config.scribe.worker === 'inline',
    });
    // pg-boss reports failed polls and maintenance as events; without a listener they would throw.
    boss.on('error', (error) => this.logger.warn(`job queue: ${error.message}`));
    return boss;
  }

  /**
   * Not awaited: the API starts (and /health/ready reports the database) while the database is
   * away or the queue's schema is not readable yet, and the queue starts once it can.
   */
  onApplicationBootstrap(): void {
    this.starting = this.startWhenReachable();
  }

  private async startWhenReachable(): Promise<void> {
    while (!this.closing) {
      try {
        await this.boss.start();
        this.started = true;
        break;
      } catch (error) {
        this.logger.warn(`job queue: cannot start yet (${error instanceof Error ? error.message : 'error'}); trying again in ${RESTART_AFTER_MS / 1000} s`);
        // A PgBoss that failed to start cannot start again.
        this.boss = this.newBoss();
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, RESTART_AFTER_MS);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
      }
    }
    if (!this.started || this.config.scribe.worker !== 'inline') return;
    await this.boss.work<ScribeQueueMessage>(SCRIBE_QUEUE, { batchSize: 1, includeMetadata: true, pollingIntervalSeconds: POLLING_SECONDS }, async ([job]) => {
      if (job) await this.runner.run(job.data.jobId, { retryCount: job.retryCount, retryLimit: job.retryLimit });
    });
    void this.requeueUnfinished();
    this.requeueTimer = setInterval(() => void this.requeueUnfinished(), REQUEUE_EVERY_MS);
    this.requeueTimer.unref();
  }

  /**
   * A job whose row committed but whose message never did (the process stopped in between, the
   * database went away) is sent again; a job already queued keeps its one message (same id).
   */
  private async requeueUnfinished(): Promise<void> {
    try {
      for (const jobId of await this.jobs.unfinishedJobIds()) await this.send(jobId);
    } catch (error) {
      this.logger.warn(`job queue: could not re-queue unfinished scribe jobs (${error instanceof Error ? error.name : 'error'}); trying again later`);
    }
  }

  /** Queues the job's one message: its id is the job's, so sending twice queues it once. */
  async send(jobId: string): Promise<void> {
    const { retryLimit, retryDelaySeconds } = this.config.scribe;
    await this.boss.send(SCRIBE_QUEUE, { jobId } satisfies ScribeQueueMessage, {
      id: jobId,
      retryLimit,
      retryDelay: retryDelaySeconds,
      retryBackoff: true,
      expireInSeconds: EXPIRE_SECONDS,
    });
  }

  async onModuleDestroy(): Promise<void> {
    this.closing = true;
    this.wake?.();
    await this.starting;
    clearInterval(this.requeueTimer);
    try {
      if (this.started) await this.boss.stop({ graceful: true, wait: true, close: false, timeout: STOP_TIMEOUT_MS });
      await this.pool.end();
    } catch (error) {
      // Closing goes on: a job in hand is offered again after it expires.
      this.logger.warn(`job queue: did not stop cleanly (${error instanceof Error ? error.message : 'error'})`);
    }
  }
}
