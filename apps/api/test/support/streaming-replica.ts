// A throw-away PostgreSQL 15 primary and its streaming replica, built with Debian's cluster tools
// (postgresql-common: pg_createcluster, pg_ctlcluster, pg_dropcluster) and pg_basebackup -R, for
// the read-replica test. The machine's own clusters are never touched: both clusters are new,
// named for this run, on free ports, and dropped at the end (also when set-up fails half-way).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { randomBytes } from 'node:crypto';

const run = promisify(execFile);
const VERSION = '15';
const TOOLS = ['/usr/bin/pg_createcluster', '/usr/bin/pg_ctlcluster', '/usr/bin/pg_dropcluster', `/usr/lib/postgresql/${VERSION}/bin/pg_basebackup`];

/** Why the test cannot run here, or undefined when it can. */
export function streamingReplicaUnavailable(): string | undefined {
  const missing = TOOLS.filter((tool) => !existsSync(tool));
  if (missing.length > 0) return `PostgreSQL ${VERSION} server tools are not installed (missing ${missing.join(', ')})`;
  if (process.getuid?.() !== 0) return 'creating PostgreSQL clusters with pg_createcluster needs root on this machine';
  return undefined;
}

export interface StreamingPair {
  primaryPort: number;
  replicaPort: number;
  /** postgres (superuser) on each server, database `database`. */
  primaryUrl(database?: string): string;
  replicaUrl(database?: string): string;
  /** pg_ctlcluster stop -m immediate: the replica vanishes as a crashed server would. */
  stopReplica(): Promise<void>;
  drop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

// Local test clusters: anyone on this machine may connect, as on the machine's test server.
const TRUSTING_HBA = ['local all all trust', 'host all all 127.0.0.1/32 trust', 'host replication all 127.0.0.1/32 trust', ''].join('\n');

async function createCluster(name: string, port: number): Promise<string> {
  await run('pg_createcluster', [VERSION, name, '--port', String(port), '--', '--auth=trust']);
  await writeFile(`/etc/postgresql/${VERSION}/${name}/pg_hba.conf`, TRUSTING_HBA);
  return `/var/lib/postgresql/${VERSION}/${name}`;
}

/** Creates and starts the primary, then `prepare`s it (migrations, logins), then the replica from its base backup. */
export async function startStreamingPair(prepare: (primaryUrl: (database?: string) => string) => Promise<void>): Promise<StreamingPair> {
  const suffix = randomBytes(3).toString('hex');
  const primary = `test_primary_${suffix}`;
  const replica = `test_replica_${suffix}`;
  const [primaryPort, replicaPort] = [await freePort(), await freePort()];
  const url = (port: number) => (database = 'postgres') => `postgresql://postgres@127.0.0.1:${port}/${database}`;
  const created: string[] = [];
  const drop = async () => {
    for (const name of created.reverse()) await run('pg_dropcluster', ['--stop', VERSION, name]).catch(() => undefined);
  };
  try {
    created.push(primary);
    await createCluster(primary, primaryPort);
    await run('pg_ctlcluster', [VERSION, primary, 'start']);
    await prepare(url(primaryPort));

    created.push(replica);
    const dataDir = await createCluster(replica, replicaPort);
    // pg_basebackup runs as postgres and cannot create the directory itself: empty it instead.
    for (const entry of await readdir(dataDir)) await rm(path.join(dataDir, entry), { recursive: true, force: true });
    await run('runuser', ['-u', 'postgres', '--', `/usr/lib/postgresql/${VERSION}/bin/pg_basebackup`, '-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', dataDir, '-R', '-X', 'stream', '-c', 'fast']);
    await run('pg_ctlcluster', [VERSION, replica, 'start']);
  } catch (error) {
    await drop();
    throw error;
  }
  return {
    primaryPort,
    replicaPort,
    primaryUrl: url(primaryPort),
    replicaUrl: url(replicaPort),
    stopReplica: async () => {
      await run('pg_ctlcluster', [VERSION, replica, 'stop', '-m', 'immediate']);
    },
    drop,
  };
}
