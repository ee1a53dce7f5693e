// Connection failures through the offline schema engine come back as Prisma's own codes, as
// with the native engine, on both of the engine's paths: the `cli …` commands (migrate status)
// and the JSON-RPC requests (migrate diff, db execute). A failure must never end with exit 0.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, it } from 'node:test';
import { type PrismaCliResult, runPrismaCli } from '../src/prisma-cli.js';
import { testsUseServer } from '../src/testing/index.js';
import { workspaceRoot } from '../src/workspace.js';

const embedded = !testsUseServer();

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function text(result: PrismaCliResult): string {
  return `${result.stdout}\n${result.stderr}`;
}

function missingDatabaseUrl(): string {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/no_such_database_${process.pid}`;
  return url.toString();
}

describe('errors from the offline schema engine', { concurrency: true }, () => {
  it('migrate status on a closed port: P1001', async () => {
    const port = await closedPort();
    const result = await runPrismaCli(['migrate', 'status'], { DATABASE_URL: `postgresql://postgres@127.0.0.1:${port}/clinic` });
    assert.equal(result.exitCode, 1, text(result));
    assert.match(result.stderr, /P1001/);
    assert.match(result.stderr, new RegExp(`Can't reach database server at \`127.0.0.1:${port}\``));
  });

  it('migrate diff against a closed port: P1001, never a silent exit 0', async () => {
    const port = await closedPort();
    const result = await runPrismaCli(
      ['migrate', 'diff', '--from-migrations', 'prisma/migrations', '--to-config-datasource', '--exit-code'],
      { DATABASE_URL: `postgresql://postgres@127.0.0.1:${port}/clinic` },
    );
    assert.equal(result.exitCode, 1, text(result));
    assert.match(result.stderr, /P1001/);
  });

  const dotEnv = existsSync(path.join(workspaceRoot(), '.env')) && 'prisma.config.ts reads DATABASE_URL from .env';
  it('migrate diff without any database url: an error naming DATABASE_URL, never a silent exit 0', { skip: dotEnv }, async () => {
    const result = await runPrismaCli(['migrate', 'diff', '--from-migrations', 'prisma/migrations', '--to-schema', 'prisma/schema.prisma', '--exit-code'], {
      DATABASE_URL: undefined,
      SHADOW_DATABASE_URL: undefined,
    });
    assert.equal(result.exitCode, 1, text(result));
    assert.match(result.stderr, /DATABASE_URL/);
  });

  it('migrate status on a database that does not exist: P1003', { skip: embedded && 'PGlite serves one database under any name' }, async () => {
    const result = await runPrismaCli(['migrate', 'status'], { DATABASE_URL: missingDatabaseUrl() });
    assert.equal(result.exitCode, 1, text(result));
    assert.match(result.stderr, /P1003/);
    assert.match(result.stderr, /Database `no_such_database_\d+` does not exist/);
  });

  it('migrate diff from a database that does not exist: P1003', { skip: embedded && 'PGlite serves one database under any name' }, async () => {
    const result = await runPrismaCli(['migrate', 'diff', '--from-config-datasource', '--to-schema', 'prisma/schema.prisma', '--exit-code'], {
      DATABASE_URL: missingDatabaseUrl(),
    });
    assert.equal(result.exitCode, 1, text(result));
    assert.match(result.stderr, /P1003/);
  });
});
