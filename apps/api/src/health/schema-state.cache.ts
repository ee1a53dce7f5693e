import { Inject, Injectable, Logger, type OnApplicationBootstrap, Optional } from '@nestjs/common';
import { codeMigrations, compareMigrations, describeSchemaState, type MigrationFile, type SchemaState } from '@clinic/db/migrations';
import { isDatabaseUnavailable } from '../common/database-errors.js';
import { HealthRepository } from './health.repository.js';

/** How long a schema state is trusted before a readiness probe reads the history again. */
export const SCHEMA_STATE_MAX_AGE_MS = 5_000;

/** The clock the cache ages its answer by (tests move it). */
export const SCHEMA_STATE_CLOCK = Symbol('SCHEMA_STATE_CLOCK');

export type SchemaStateReading = { state: SchemaState } | { unreadable: Error };

/**
 * The schema state of the API's database, read at start-up and then again when a readiness probe
 * finds it older than SCHEMA_STATE_MAX_AGE_MS: probes every second from several orchestrators
 * cost one small query every few seconds, and concurrent probes share one read. A migration
 * deployed while the API runs shows within that bound.
 */
@Injectable()
export class SchemaStateCache implements OnApplicationBootstrap {
  private readonly logger = new Logger('Health');
  private code?: Promise<MigrationFile[]>;
  private latest?: { reading: SchemaStateReading; readAt: number };
  private reading?: Promise<SchemaStateReading>;

  constructor(
    private readonly health: HealthRepository,
    @Optional() @Inject(SCHEMA_STATE_CLOCK) private readonly now: () => number = Date.now,
  ) {}

  /** Start-up: read it once, without holding the start back, and say when the code cannot serve. */
  onApplicationBootstrap(): void {
    void this.current().then((reading) => {
      if ('state' in reading) this.logger[reading.state.ready ? 'log' : 'warn'](describeSchemaState(reading.state));
    });
  }

  /** The latest reading no older than the bound; a failed read is kept as long, so probes stay cheap. */
  current(): Promise<SchemaStateReading> {
    if (this.latest && this.now() - this.latest.readAt < SCHEMA_STATE_MAX_AGE_MS) return Promise.resolve(this.latest.reading);
    this.reading ??= this.read().finally(() => (this.reading = undefined));
    return this.reading;
  }

  private async read(): Promise<SchemaStateReading> {
    const startedAt = this.now();
    let reading: SchemaStateReading;
    try {
      this.code ??= codeMigrations();
      reading = { state: compareMigrations(await this.code, await this.health.migrationHistory()) };
    } catch (error) {
      reading = { unreadable: error instanceof Error ? error : new Error(String(error)) };
      // At most once per SCHEMA_STATE_MAX_AGE_MS; the readiness answer itself names no cause. The
      // database going away between the probe's two queries is the outage log's to tell.
      if (!isDatabaseUnavailable(error)) this.logger.warn(`schema state unknown: the migration history could not be read (${reading.unreadable.message})`);
    }
    this.latest = { reading, readAt: startedAt };
    return reading;
  }
}
