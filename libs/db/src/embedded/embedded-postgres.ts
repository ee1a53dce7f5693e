import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  /** A connection string for `pg`, Prisma and psql. */
  url: string;
  /** A gzip tarball of the data directory, to start other instances from. */
  dump(): Promise<Blob>;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Keep the data in this folder across restarts; in memory when absent. */
  dataDir?: string;
  /** Start from a tarball made by `dump()` (in memory). */
  loadFrom?: Blob;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
}

/**
 * PostgreSQL compiled to WebAssembly (PGlite), served over the wire protocol so that `pg`, Prisma
 * and the migration CLI reach it as they would a server. It is one database and one backend:
 * queries from several connections are queued, so clients should use a pool of one connection,
 * and `CREATE DATABASE` does not give a second database.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  // The extensions migrations may create (name search, the no-double-booking constraint) must be
  // compiled in: PGlite cannot load them from disk as a server does.
  const db = await PGlite.create({
    dataDir: options.dataDir,
    loadDataDir: options.loadFrom,
    extensions: { btree_gist, pg_trgm, unaccent },
  });
  const server = new PGLiteSocketServer({
    db,
    host: options.host ?? '127.0.0.1',
    port: options.port ?? 0,
    maxConnections: 16,
  });
  await server.start();
  return {
    url: `postgresql://postgres@${server.getServerConn()}/postgres`,
    dump: () => db.dumpDataDir('gzip'),
    stop: async () => {
      await server.stop();
      await db.close();
    },
  };
}
