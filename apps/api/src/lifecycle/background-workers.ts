import { Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';

/** Work a module runs beside the requests: a periodic clean-up, a job queue's worker. */
export interface BackgroundWorker {
  /** How logs name it. */
  name: string;
  /**
   * Takes no new work and resolves once the work in hand is finished (or handed back to its
   * queue). Called once, when the process shuts down, while the database is still open.
   */
  stop(): Promise<void> | void;
}

/**
 * Where modules register their background workers, so that shutting down stops them all first:
 * Nest calls this OnModuleDestroy before the HTTP server stops and well before the database pools
 * close (PrismaService closes them last, see lifecycle/graceful-shutdown.ts). A module adds its
 * worker in its constructor or OnApplicationBootstrap; nothing else needs to know it exists.
 */
@Injectable()
export class BackgroundWorkers implements OnModuleDestroy {
  private readonly logger = new Logger(BackgroundWorkers.name);
  private readonly workers: BackgroundWorker[] = [];

  register(worker: BackgroundWorker): void {
    this.workers.push(worker);
  }

  names(): string[] {
    return this.workers.map((worker) => worker.name);
  }

  async onModuleDestroy(): Promise<void> {
    const stopping = this.workers.splice(0);
    const outcomes = await Promise.allSettled(stopping.map(async (worker) => worker.stop()));
    outcomes.forEach((outcome, index) => {
      if (outcome.status === 'rejected') this.logger.warn(`${stopping[index]!.name} did not stop cleanly: ${errorName(outcome.reason)}`);
    });
  }
}

const errorName = (error: unknown) => (error instanceof Error ? error.name : 'error');
