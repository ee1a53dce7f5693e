import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client.js';
import { keptIdle } from './client.js';

/**
 * Read replicas: PostgreSQL streaming standbys that answer read-only work, so that searches and
 * lists do not compete with the clinic's writes on the primary.
 *
 * Only work a repository hands over explicitly (`ReadReplicas.read`) goes to a replica: every
 * other query, every write, every audit insert and every read that follows a write in the same
 * request stays on the primary. A standby is asynchronous (it may not hold a row the primary
 * committed a moment ago), so a read that must see the caller's own write, or that decides a
 * write (an ETag check, a read-modify-write), is primary work.
 *
 * Why not @prisma/extension-read-replicas (0.5.0 works with Prisma 7 and the pg
 * adapter: one client per replica, each with its own adapter): it sends every find and count of
 * the extended client to a replica chosen at random, with no notion of lag or of a replica that
 * is down, and raw queries (the patient search) to the primary. Health data needs the opposite:
 * replicas opted into per read, a lagging or unreachable replica skipped, and the primary as the
 * fallback. The clients below are the same ones the extension would take.
 */

export interface ReplicaOptions {
  /** One URL per replica: a login in clinic_app, as DATABASE_URL's. */
  urls: readonly string[];
  /** A replica further behind than this is skipped until it catches up. */
  maxLagSeconds: number;
  /** Connections per replica. */
  poolSize: number;
  /** Connections per replica kept open however long idle (DbOptions.poolMinIdle). */
  poolMinIdle?: number;
  /** How pg_stat_activity names this process's replica connections. */
  applicationName?: string;
  /** How long connecting to a replica may take before it counts as unreachable (ms). */
  connectTimeoutMs?: number;
  /** How long a replica's state is reused before it is checked again (ms). */
  checkEveryMs?: number;
}

export type ReplicaStatus = 'ok' | 'lagging' | 'unreachable' | 'not-a-replica' | 'unchecked';

export interface ReplicaState {
  /** The replica's host, port and database: never its credentials. */
  name: string;
  status: ReplicaStatus;
  /** Seconds behind the primary at the last check; null when unknown. */
  lagSeconds: number | null;
  checkedAt: Date | null;
}

/** A connection string without its password, to name a replica in logs and health answers. */
export function replicaName(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'replica';
  }
}

interface LagReading {
  in_recovery: boolean;
  lag_seconds: number | null;
}

class Replica {
  readonly name: string;
  readonly client: PrismaClient;
  state: ReplicaState;
  private checking?: Promise<void>;

  constructor(url: string, private readonly options: ReplicaOptions) {
    this.name = replicaName(url);
    this.client = new PrismaClient({
      adapter: new PrismaPg(
        {
          connectionString: url,
          max: options.poolSize,
          ...keptIdle(options),
          ...(options.applicationName ? { application_name: options.applicationName } : {}),
          // A replica that does not answer must cost a read little: it falls back to the primary.
          connectionTimeoutMillis: options.connectTimeoutMs ?? 2_000,
        },
        // An idle connection dropped (the replica restarted or stopped): no reads there until a check says ok.
        { onPoolError: () => this.markUnreachable() },
      ),
    });
    this.state = { name: this.name, status: 'unchecked', lagSeconds: null, checkedAt: null };
  }

  /** True when the state is older than the check interval (or was never read). */
  stale(now: number): boolean {
    return !this.state.checkedAt || now - this.state.checkedAt.getTime() >= (this.options.checkEveryMs ?? 1_000);
  }

  /** One check at a time; callers during a check share it. */
  check(): Promise<void> {
    this.checking ??= this.readLag().finally(() => (this.checking = undefined));
    return this.checking;
  }

  markUnreachable(): void {
    this.state = { ...this.state, status: 'unreachable', checkedAt: new Date() };
  }

  /**
   * How far behind the primary the replica is. A replica that has replayed everything it
   * received is 0 behind however long ago the primary last wrote (the replay timestamp alone
   * would grow on a quiet primary); otherwise the age of the last transaction it replayed.
   */
  private async readLag(): Promise<void> {
    try {
      const [reading] = await this.client.$queryRawUnsafe<LagReading[]>(`
        SELECT pg_is_in_recovery() AS in_recovery,
               CASE WHEN NOT pg_is_in_recovery() THEN NULL
                    WHEN pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn() THEN 0
                    ELSE EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp())::float8
               END AS lag_seconds`);
      const lag = reading?.lag_seconds ?? null;
      const status: ReplicaStatus = !reading?.in_recovery
        ? 'not-a-replica'
        : lag === null || lag > this.options.maxLagSeconds
          ? 'lagging'
          : 'ok';
      this.state = { name: this.name, status, lagSeconds: lag === null ? null : Math.round(lag * 1000) / 1000, checkedAt: new Date() };
    } catch {
      this.markUnreachable();
    }
  }
}

/**
 * The process's replicas and their state. `read` runs read-only work on a replica that is up and
 * within the allowed lag, or on the primary when there is none (or none configured); a replica
 * that fails the work is marked unreachable and the work runs again on the primary, so a replica
 * going down costs one slower read, not an error.
 */
export class ReadReplicas {
  private readonly replicas: Replica[];
  private next = 0;

  constructor(
    private readonly primary: PrismaClient,
    options: ReplicaOptions,
  ) {
    this.replicas = options.urls.map((url) => new Replica(url, options));
  }

  get configured(): boolean {
    return this.replicas.length > 0;
  }

  /** Checks every replica now: at start, so that the first reads already know where to go. */
  async checkAll(): Promise<ReplicaState[]> {
    await Promise.all(this.replicas.map((replica) => replica.check()));
    return this.states();
  }

  /**
   * Each replica's state as last checked (at most about a second ago while anything asks), and a
   * new check of the stale ones started, not awaited: a health probe must not wait for the
   * connect timeout of a replica that is down.
   */
  states(): ReplicaState[] {
    const now = Date.now();
    for (const replica of this.replicas) if (replica.stale(now)) void replica.check();
    return this.replicas.map((replica) => ({ ...replica.state }));
  }

  /**
   * Runs read-only work (no writes, nothing that must see this request's own writes) on a
   * healthy replica, else on the primary. The work may run twice (replica, then primary): it must
   * have no effect but its answer.
   */
  async read<T>(work: (db: PrismaClient) => Promise<T>): Promise<T> {
    const replica = this.pick();
    if (!replica) return work(this.primary);
    try {
      return await work(replica.client);
    } catch {
      // The work failed on the replica: down, restarting, or its query cancelled by a recovery
      // conflict. The primary answers; a query that is wrong in itself fails there too.
      replica.markUnreachable();
      void replica.check();
      return work(this.primary);
    }
  }

  /**
   * A replica whose last check said ok, in turn. States are refreshed in the background once a
   * second: a read never waits for a check (a replica that stopped answering would make it
   * wait for the connect timeout).
   */
  private pick(): Replica | undefined {
    if (this.replicas.length === 0) return undefined;
    const now = Date.now();
    for (const replica of this.replicas) if (replica.stale(now)) void replica.check();
    const healthy = this.replicas.filter((replica) => replica.state.status === 'ok');
    if (healthy.length === 0) return undefined;
    return healthy[this.next++ % healthy.length];
  }

  /** Nest calls it at start (DbModule provides this class): the first reads know where to go. */
  async onModuleInit(): Promise<void> {
    await this.checkAll();
  }

  /** Last, with the primary's pool (see PrismaService.onApplicationShutdown). */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.replicas.map((replica) => replica.client.$disconnect()));
  }
}
