// deploy-production.mjs (backup, then deploy) and restore.mjs, on a PostgreSQL server: they run
// pg_dump and pg_restore, which the embedded PGlite cannot serve.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { urlForDatabase, withClient } from './lib/database.mjs';
import { createEmptyDatabase, createTestDatabase, query, runTool, seedClinic, SERVER_ONLY, tableFingerprints } from './test-support.mjs';

let backups;
const restored = [];
before(async () => (backups = await mkdtemp(path.join(os.tmpdir(), 'clinic-backups-'))));
after(async () => {
  await rm(backups, { recursive: true, force: true });
  if (restored.length) {
    await withClient(process.env.DATABASE_URL, async (client) => {
      for (const name of restored) await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    });
  }
});

function restoreName() {
  const name = `restored_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  restored.push(name);
  return name;
}

describe('backups around production deploys', { skip: SERVER_ONLY }, () => {
  it('round-trips a seeded database through the deploy backup and a restore, table by table', async () => {
    const db = await createTestDatabase();
    try {
      await seedClinic(db);
      const original = await tableFingerprints(db);
      assert.ok(original.patients.rows === 3 && original.vital_signs.rows === 3 && original._prisma_migrations.rows >= 1);

      const deploy = await runTool('deploy-production.mjs', [], { DATABASE_URL: db.url, BACKUP_DIR: backups });
      assert.equal(deploy.code, 0, deploy.output);
      const dump = /The backup taken just before is (\S+)/.exec(deploy.stdout)?.[1];
      assert.ok(dump?.startsWith(backups) && dump.endsWith('.dump'), deploy.stdout);
      assert.equal((await stat(dump)).mode & 0o777, 0o600, 'the dump holds patient data: its owner alone reads it');

      const name = restoreName();
      const server = { DATABASE_URL: process.env.DATABASE_URL };
      const restore = await runTool('restore.mjs', ['--dump', dump, '--database', name], server);
      assert.equal(restore.code, 0, restore.output);
      assert.deepEqual(await tableFingerprints({ url: urlForDatabase(process.env.DATABASE_URL, name) }), original);

      const refused = await runTool('restore.mjs', ['--dump', dump, '--database', name], server);
      assert.equal(refused.code, 1, refused.output);
      assert.match(refused.stderr, /database restored_\w+ is not empty \(\d+ objects\): restore into a new name, or pass --force/);

      await query({ url: urlForDatabase(process.env.DATABASE_URL, name) }, `DELETE FROM allergies`);
      // Replacing a database that holds tables and no development mark asks for its name too.
      const unconfirmed = await runTool('restore.mjs', ['--dump', dump, '--database', name, '--force'], server);
      assert.equal(unconfirmed.code, 1, unconfirmed.output);
      assert.match(unconfirmed.stderr, new RegExp(`restore refused: nx run db:restore --force would drop data in database "${name}"`));
      assert.ok(unconfirmed.stderr.includes(`--i-know-this-is-${name}`), unconfirmed.stderr);
      assert.equal((await query({ url: urlForDatabase(process.env.DATABASE_URL, name) }, 'SELECT count(*)::int AS n FROM allergies'))[0].n, 0, 'nothing replaced');

      const forced = await runTool('restore.mjs', ['--dump', dump, '--database', name, '--force', `--i-know-this-is-${name}`], server);
      assert.equal(forced.code, 0, forced.output);
      assert.deepEqual(await tableFingerprints({ url: urlForDatabase(process.env.DATABASE_URL, name) }), original);
    } finally {
      await db.drop();
    }
  });

  it('deploys nothing when the backup fails', async () => {
    const db = await createEmptyDatabase();
    const failingDump = path.join(backups, 'failing-pg_dump.sh');
    await writeFile(failingDump, '#!/bin/sh\necho "pg_dump: error: connection to server lost" >&2\nexit 1\n');
    await chmod(failingDump, 0o700);
    const dir = path.join(backups, 'failed');
    try {
      const result = await runTool('deploy-production.mjs', [], { DATABASE_URL: db.url, BACKUP_DIR: dir, PG_DUMP: failingDump });
      assert.equal(result.code, 1, result.output);
      assert.match(result.stderr, /the backup failed \(see above\): nothing was deployed/);
      assert.deepEqual(await query(db, `SELECT to_regclass('_prisma_migrations') AS history`), [{ history: null }]);
      assert.deepEqual(await readdir(dir), [], 'no partial dump left to be mistaken for a backup');
    } finally {
      await db.drop();
    }
  });

  it('refuses a file that is not a dump', async () => {
    const notADump = path.join(backups, 'notes.dump');
    await writeFile(notADump, 'not an archive');
    const result = await runTool('restore.mjs', ['--dump', notADump, '--database', restoreName()], { DATABASE_URL: process.env.DATABASE_URL });
    assert.equal(result.code, 1, result.output);
    assert.match(result.stderr, /is not a readable pg_dump archive/);
  });
});
