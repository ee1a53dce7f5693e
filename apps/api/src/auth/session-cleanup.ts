import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { APP_CONFIG } from '../config/config.module.js';
import { BackgroundWorkers } from '../lifecycle/background-workers.js';
import { AuthRepository } from './auth.repository.js';
import { ThrottleCountersRepository } from './throttle-counters.repository.js';

// Often enough that neither table grows without bound; rare enough to cost nothing.
const EVERY_MS = 10 * 60 * 1000;

/**
 * A periodic job: refresh tokens past the end of their sign-in and throttle counters whose
 * window ended are deleted. Neither can be used any more; left alone they would only grow. Every
 * replica runs it; the deletes are idempotent, so two at once do no harm. A background worker:
 * shutting down stops the timer and waits for a pass under way (BackgroundWorkers).
 */
@Injectable()
export class SessionCleanup implements OnApplicationBootstrap {
  private readonly logger = new Logger(SessionCleanup.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly sessions: AuthRepository,
    private readonly counters: ThrottleCountersRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    workers: BackgroundWorkers,
  ) {
    workers.register({ name: 'session clean-up', stop: () => this.stop() });
  }

  onApplicationBootstrap(): void {
    if (this.config.environment === 'test') return;
    this.timer = setInterval(() => void (this.running = this.run()), EVERY_MS);
    // The process may exit while the timer waits.
    this.timer.unref();
  }

  private async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One pass; returns what it deleted (tests call it directly). */
  async run(now = new Date()): Promise<{ refreshTokens: number; throttleCounters: number }> {
    try {
      const refreshTokens = await this.sessions.deleteExpired(now);
      const throttleCounters = await this.counters.deleteEnded();
      if (refreshTokens + throttleCounters > 0) this.logger.log(`clean-up: ${refreshTokens} expired refresh tokens, ${throttleCounters} ended throttle windows`);
      return { refreshTokens, throttleCounters };
    } catch (error) {
      // A database away for a moment: the next pass catches up.
      this.logger.warn(`clean-up skipped: ${error instanceof Error ? error.name : 'error'}`);
      return { refreshTokens: 0, throttleCounters: 0 };
    }
  }
}
