import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { quoteRole } from '../roles.js';

type ConnectCallback = (error: Error | undefined, client: pg.PoolClient | undefined, done: (release?: Error | boolean) => void) => void;

/**
 * A pool whose connections take `role` for as long as they are checked out: SET ROLE before the
 * borrower gets one, RESET ROLE before it goes back. For the embedded PostgreSQL only.
 *
 * PGlite serves every connection from one session, logged in as its superuser whatever user a
 * connection names, so the application role cannot come from the login there. Taking it around
 * each use makes the API meet that role's grants in development and tests as it does in
 * production: a missing GRANT, an UPDATE of an audit event or a `SET session_replication_role`
 * fails there too. It is not a security boundary: the session's login is still the superuser, so
 * any statement may RESET ROLE. Other connections to the same PGlite (test fixtures, the migration
 * CLI) act as the superuser while this one is back in its pool; while it is checked out outside a
 * transaction, a statement of theirs may run under the role (and be refused: never the other way).
 */
export class PoolAssumingRole extends pg.Pool {
  private readonly takeRole: string;

  constructor(config: pg.PoolConfig, role: string) {
    super(config);
    this.takeRole = `SET ROLE ${quoteRole(role)}`;
  }

  // pool.query borrows through connect(callback), Prisma's transactions through connect().
  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | void {
    const connected = this.connectInRole();
    if (!callback) return connected;
    connected.then(
      (client) => callback(undefined, client, client.release),
      (error: Error) => callback(error, undefined, () => undefined),
    );
  }

  private async connectInRole(): Promise<pg.PoolClient> {
    const client = await super.connect();
    try {
      await client.query(this.takeRole);
    } catch (error) {
      // The role does not exist (its migration has not run): the borrower gets the error, and no
      // statement of its runs as the superuser.
      client.release(error as Error);
      throw error;
    }
    const release = client.release;
    // pg-pool destroys a connection released with an error, but PGlite's one session outlives
    // it: the role is handed back first in every case.
    client.release = (error?: Error | boolean) => {
      client.query('RESET ROLE').then(
        () => release(error),
        (resetFailed: Error) => release(error || resetFailed),
      );
    };
    return client;
  }
}

/**
 * Prisma's pg adapter over a PoolAssumingRole. Prisma may connect again after a disconnect; each
 * connection gets a new pool that takes the role, never a plain one.
 */
export class PrismaPgAssumingRole extends PrismaPg {
  constructor(
    private readonly poolConfig: pg.PoolConfig,
    private readonly role: string,
  ) {
    super(poolConfig);
  }

  override connect(): ReturnType<PrismaPg['connect']> {
    return new PrismaPg(new PoolAssumingRole(this.poolConfig, this.role), { disposeExternalPool: true }).connect();
  }
}
