// Up, down, up for every migration, on a scratch database: each down.sql (applied by the
// rollback tool) must return exactly the schema of the migrations before it (migrate diff), and
// the migration must apply again afterwards.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import path from 'node:path';
import { describe, it } from 'node:test';
import { BASELINE_MIGRATION, defaultMigrationsDir, listMigrationFolders } from './lib/paths.mjs';
import { createEmptyDatabase, dbEnv, query, runTool, scratchPrisma, scratchWithSynthetic } from './test-support.mjs';

async function deploy(stage, db) {
  const result = await stage.prisma(['migrate', 'deploy'], db);
  assert.equal(result.exitCode, 0, `${result.stdout}\n${result.stderr}`);
}

async function walk(sourceDir) {
  const names = await listMigrationFolders(sourceDir);
  const db = await createEmptyDatabase();
  // The migrations are copied in one at a time, so that "latest" is each one in turn.
  const stage = await scratchPrisma({ only: [] });
  try {
    for (const name of names) {
      await cp(path.join(sourceDir, name), path.join(stage.migrationsDir, name), { recursive: true });
      await deploy(stage, db);
      if (name === BASELINE_MIGRATION) continue;
      assert.ok(existsSync(path.join(sourceDir, name, 'down.sql')), `${name} has no down.sql`);

      // The rollback ends by comparing the database with the migrations before this one
      // (migrate diff) and exits 1, with the difference, when they disagree.
      const down = await runTool('rollback.mjs', ['--migrations', stage.migrationsDir], dbEnv(db));
      assert.equal(down.code, 0, `rolling back ${name}:\n${down.output}`);
      assert.match(down.stdout, /the database now matches the migrations before it/);

      await deploy(stage, db);
      const rows = await query(db, 'SELECT count(*)::int AS applied FROM _prisma_migrations WHERE migration_name = $1 AND finished_at IS NOT NULL AND rolled_back_at IS NULL', [name]);
      assert.equal(rows[0].applied, 1, `${name} applied again after its rollback`);
    }
    return names;
  } finally {
    await stage.cleanup();
    await db.drop();
  }
}

describe('down.sql files', () => {
  it('take the real history back one migration at a time, exactly', async (t) => {
    const walked = await walk(defaultMigrationsDir);
    if (walked.length === 1) t.diagnostic('only the baseline exists: nothing to roll back yet');
  });

  it('take synthetic migrations on a temporary folder back, exactly', async () => {
    const source = await scratchWithSynthetic();
    try {
      assert.equal((await walk(source.migrationsDir)).length, 4);
    } finally {
      await source.cleanup();
    }
  });
});
