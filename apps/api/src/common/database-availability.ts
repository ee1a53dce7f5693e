import { Global, Inject, Injectable, Logger, Module, type OnModuleDestroy, Optional } from '@nestjs/common';
import type { UnavailableReason } from './database-errors.js';
import { DatabaseProbeRepository } from './database-probe.repository.js';

/** How often the database is asked again (one trivial query) while it is away. */
export const RECOVERY_PROBE_INTERVAL_MS = 1_000;
/** At most one reminder line this often while an outage lasts. */
export const OUTAGE_REMINDER_INTERVAL_MS = 10_000;

/** The clock outages are timed by (unit tests move it). */
export const DATABASE_AVAILABILITY_CLOCK = Symbol('DATABASE_AVAILABILITY_CLOCK');

interface Outage {
  since: number;
  reason: UnavailableReason;
  refused: number;
  lastLineAt: number;
}

/**
 * What the log says while the database is away. Each request the database refuses this way is
 * answered 503 (domain-error.filter.ts) without a log line of its own; instead this writes one
 * warning when the outage starts (no stack: it is not a defect), at most one reminder every
 * OUTAGE_REMINDER_INTERVAL_MS while it lasts, and one line when the database answers again,
 * naming how long it was away and how many requests were refused. While it is away it is asked
 * again every RECOVERY_PROBE_INTERVAL_MS, so the end is noticed even when no request comes.
 */
@Injectable()
export class DatabaseAvailability implements OnModuleDestroy {
  private readonly logger = new Logger('Database');
  private outage?: Outage;
  private probing?: NodeJS.Timeout;
  private checking?: Promise<boolean>;
  private closed = false;

  constructor(
    private readonly probe: DatabaseProbeRepository,
    @Optional() @Inject(DATABASE_AVAILABILITY_CLOCK) private readonly now: () => number = Date.now,
  ) {}

  /** True while an outage is known. */
  get unavailable(): boolean {
    return this.outage !== undefined;
  }

  /** A request was answered 503 because the database is unavailable. */
  refused(reason: UnavailableReason): void {
    const outage = this.begin(reason);
    outage.refused += 1;
    const now = this.now();
    if (now - outage.lastLineAt >= OUTAGE_REMINDER_INTERVAL_MS) {
      outage.lastLineAt = now;
      this.logger.warn(`database still unavailable (${outage.reason}) after ${seconds(now - outage.since)}; ${outage.refused} requests refused so far`);
    }
  }

  /** Asks the database once (readiness, the recovery probe) and notes the answer: true when it answers. */
  check(): Promise<boolean> {
    // Concurrent probes (readiness from several orchestrators, the recovery timer) share one query.
    this.checking ??= this.probe
      .unavailableReason()
      .then((reason) => {
        if (reason === undefined) this.answered();
        else this.begin(reason);
        return reason === undefined;
      })
      .finally(() => (this.checking = undefined));
    return this.checking;
  }

  /** A query succeeded: an outage, if one was known, is over. */
  answered(): void {
    const outage = this.outage;
    if (!outage) return;
    this.outage = undefined;
    this.stopProbing();
    this.logger.log(`database available again after ${seconds(this.now() - outage.since)} (${outage.reason}); ${outage.refused} requests refused meanwhile`);
  }

  onModuleDestroy(): void {
    this.closed = true;
    this.stopProbing();
  }

  private begin(reason: UnavailableReason): Outage {
    if (this.outage) return this.outage;
    const now = this.now();
    this.outage = { since: now, reason, refused: 0, lastLineAt: now };
    this.logger.warn(`database unavailable (${reason}): requests that need it are answered 503 with Retry-After until it answers again`);
    this.startProbing();
    return this.outage;
  }

  private startProbing(): void {
    if (this.probing || this.closed) return;
    this.probing = setInterval(() => {
      if (!this.closed) void this.check();
    }, RECOVERY_PROBE_INTERVAL_MS);
    // The probe never keeps the process alive on its own.
    this.probing.unref();
  }

  private stopProbing(): void {
    if (this.probing) clearInterval(this.probing);
    this.probing = undefined;
  }
}

function seconds(ms: number): string {
  return `${(ms / 1_000).toFixed(1)} s`;
}

/** The tracker, one per process, for the error filter and readiness. */
@Global()
@Module({
  providers: [DatabaseProbeRepository, DatabaseAvailability],
  exports: [DatabaseAvailability],
})
export class DatabaseAvailabilityModule {}
