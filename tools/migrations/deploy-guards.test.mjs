// What a deploy checks before it changes anything: `nx run db:migrate` and the production deploy
// refuse a database whose applied migrations were edited (Prisma's own deploy does not notice),
// `db:migrate-status --json` reports the schema state, and the production deploy keeps its
// backup somewhere that outlives the job (an S3-compatible bucket, or mounted storage).
import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { requireDurableTarget, s3Target, transientDirectoryReason } from './lib/backup-target.mjs';
import { repoRoot } from './lib/paths.mjs';
import { startFakeS3 } from './fake-s3.mjs';
import { createEmptyDatabase, dbEnv, query, runTool, scratchWithSynthetic, SERVER_ONLY, SYNTHETIC_MIGRATIONS } from './test-support.mjs';

const LAB_RESULTS = '20240301090000_create_lab_results';
const PREFERRED_NAME = '20240302090000_add_patient_preferred_name';

/** A database with the baseline and LAB_RESULTS deployed through `nx run db:migrate`'s tool. */
async function deployed(work) {
  const db = await createEmptyDatabase();
  const scratch = await scratchWithSynthetic([LAB_RESULTS]);
  try {
    const migrate = (...args) => runTool('migrate.mjs', ['--config', scratch.configPath, ...args], dbEnv(db));
    const status = async () => {
      const result = await runTool('migrate-status.mjs', ['--json', '--config', scratch.configPath], dbEnv(db));
      return { code: result.code, state: JSON.parse(result.stdout), output: result.output };
    };
    const first = await migrate();
    assert.equal(first.code, 0, first.output);
    await work({ db, scratch, migrate, status });
  } finally {
    await scratch.cleanup();
    await db.drop();
  }
}

const hasColumn = async (db, table, column) => (await query(db, 'SELECT 1 FROM information_schema.columns WHERE table_name = $1 AND column_name = $2', [table, column])).length === 1;

describe('nx run db:migrate and db:migrate-status --json', () => {
  it('reports the schema state for scripts: ready at the newest migration, then what is pending', async () => {
    await deployed(async ({ scratch, status }) => {
      const ready = await status();
      assert.equal(ready.code, 0, ready.output);
      assert.deepEqual(ready.state, {
        ready: true,
        version: LAB_RESULTS,
        codeVersion: LAB_RESULTS,
        applied: ['20240215120000_initial_schema', LAB_RESULTS],
        pending: [],
        unknown: [],
        ahead: [],
        failed: [],
        checksumMismatches: [],
      });

      await scratch.addMigration(PREFERRED_NAME, SYNTHETIC_MIGRATIONS[PREFERRED_NAME]);
      const behind = await status();
      assert.equal(behind.code, 1, behind.output);
      assert.deepEqual([behind.state.ready, behind.state.pending, behind.state.version, behind.state.codeVersion], [false, [PREFERRED_NAME], LAB_RESULTS, PREFERRED_NAME]);
    });
  });

  it('refuses to deploy over an applied migration whose file was edited, naming it and the way out', async () => {
    await deployed(async ({ db, scratch, migrate, status }) => {
      const edited = path.join(scratch.migrationsDir, LAB_RESULTS, 'migration.sql');
      await writeFile(edited, `${await readFile(edited, 'utf8')}\nCREATE INDEX "lab_results_test_idx" ON "lab_results"("test");\n`);
      await scratch.addMigration(PREFERRED_NAME, SYNTHETIC_MIGRATIONS[PREFERRED_NAME]);

      const refused = await migrate();
      assert.equal(refused.code, 1, refused.output);
      assert.match(refused.stderr, /^migrate refused: 1 applied migration\(s\) were edited after they were deployed; nothing was deployed:/);
      assert.match(refused.stderr, new RegExp(`${LAB_RESULTS}: \\S+/${LAB_RESULTS}/migration.sql is not the file that was applied`));
      assert.match(refused.stderr, /Put it back as it was deployed \(git log -p -- \S+ shows the edit\) and make the change in a new migration/);
      assert.match(refused.stderr, new RegExp(`UPDATE _prisma_migrations SET checksum = '[0-9a-f]{64}' WHERE migration_name = '${LAB_RESULTS}'`));
      assert.equal(await hasColumn(db, 'patients', 'preferredName'), false, 'the pending migration was not applied');

      const { code, state } = await status();
      assert.equal(code, 1);
      assert.deepEqual([state.checksumMismatches, state.pending], [[LAB_RESULTS], [PREFERRED_NAME]]);

      // Why the tool checks: Prisma's own deploy applies the rest and exits 0.
      const prisma = await scratch.prisma(['migrate', 'deploy'], db);
      assert.equal(prisma.exitCode, 0, prisma.stderr);
      assert.equal(await hasColumn(db, 'patients', 'preferredName'), true);
    });
  });

  it('deploys again once the file is back as it was applied', async () => {
    await deployed(async ({ db, scratch, migrate }) => {
      const file = path.join(scratch.migrationsDir, LAB_RESULTS, 'migration.sql');
      const original = await readFile(file, 'utf8');
      await writeFile(file, `-- a comment\n${original}`);
      assert.equal((await migrate()).code, 1);
      await writeFile(file, original);
      await scratch.addMigration(PREFERRED_NAME, SYNTHETIC_MIGRATIONS[PREFERRED_NAME]);
      const result = await migrate();
      assert.equal(result.code, 0, result.output);
      assert.equal(await hasColumn(db, 'patients', 'preferredName'), true);
    });
  });
});

describe('the production deploy', () => {
  let backups;
  before(async () => (backups = await mkdtemp(path.join(os.tmpdir(), 'clinic-durable-'))));
  after(() => rm(backups, { recursive: true, force: true }));

  it('refuses an edited migration before taking a backup', async () => {
    await deployed(async ({ db, scratch }) => {
      const file = path.join(scratch.migrationsDir, LAB_RESULTS, 'migration.sql');
      await writeFile(file, `-- edited\n${await readFile(file, 'utf8')}`);
      const dir = path.join(backups, 'edited');
      const result = await runTool('deploy-production.mjs', ['--config', scratch.configPath, '--backup-dir', dir], dbEnv(db));
      assert.equal(result.code, 1, result.output);
      assert.match(result.stderr, new RegExp(`deploy-production refused: 1 applied migration\\(s\\) were edited[^]*${LAB_RESULTS}`));
      assert.equal(await readdir(dir).catch(() => 'none'), 'none', 'no backup was taken');
    });
  });

  it('with --require-durable-backup, refuses a backup that would die with the job', async () => {
    const db = await createEmptyDatabase();
    try {
      const env = { ...dbEnv(db), BACKUP_S3_BUCKET: '', BACKUP_DIR: '' };
      const none = await runTool('deploy-production.mjs', ['--require-durable-backup'], env);
      assert.equal(none.code, 1, none.output);
      assert.match(none.stderr, /^deploy-production refused: no durable backup target \(no BACKUP_DIR was given\)\. Set BACKUP_S3_BUCKET .*, or BACKUP_DIR to mounted storage that outlives this job .*Nothing was deployed\./);

      const temporary = await runTool('deploy-production.mjs', ['--require-durable-backup', '--backup-dir', backups], env);
      assert.equal(temporary.code, 1, temporary.output);
      assert.match(temporary.stderr, /is inside the temporary folder, which is deleted with the job/);
      assert.deepEqual(await query(db, `SELECT to_regclass('_prisma_migrations') AS history`), [{ history: null }], 'nothing deployed');
    } finally {
      await db.drop();
    }
  });

  it('stores the backup in an S3-compatible bucket, and deploys only once the bucket holds all of it', { skip: SERVER_ONLY }, async () => {
    const s3 = await startFakeS3();
    const db = await createEmptyDatabase();
    try {
      const env = { ...dbEnv(db), BACKUP_DIR: path.join(backups, 's3'), BACKUP_S3_BUCKET: 'clinic-backups', BACKUP_S3_ENDPOINT: s3.endpoint, BACKUP_S3_FORCE_PATH_STYLE: 'true', BACKUP_S3_PREFIX: 'production', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' };
      const result = await runTool('deploy-production.mjs', ['--require-durable-backup'], env);
      assert.equal(result.code, 0, result.output);
      assert.match(result.stdout, /durable backup target: s3:\/\/clinic-backups\/production\//);
      const [dump] = await readdir(path.join(backups, 's3'));
      const key = `clinic-backups/production/${dump}`;
      assert.deepEqual(await readFile(path.join(backups, 's3', dump)), s3.objects.get(key), 'the bucket holds the whole dump');
      assert.equal(s3.requests.find((request) => request.method === 'PUT').headers['x-amz-server-side-encryption'], 'AES256');
      assert.match(result.stdout, new RegExp(`The backup taken just before is s3://${key.replace(/\./g, '\\.')}`));
      assert.match(result.stdout, /copy s3:\/\/\S+ to <file> with any S3 client, then DATABASE_URL=<server url> nx run db:restore/);
      assert.equal((await query(db, 'SELECT count(*)::int AS n FROM _prisma_migrations')).at(0).n > 0, true, 'deployed');
    } finally {
      await s3.stop();
      await db.drop();
    }
  });

  it('deploys nothing when the bucket refuses the backup', { skip: SERVER_ONLY }, async () => {
    const s3 = await startFakeS3({ refuse: true });
    const db = await createEmptyDatabase();
    try {
      const env = { ...dbEnv(db), BACKUP_DIR: path.join(backups, 'refused'), BACKUP_S3_BUCKET: 'clinic-backups', BACKUP_S3_ENDPOINT: s3.endpoint, BACKUP_S3_FORCE_PATH_STYLE: 'true', AWS_ACCESS_KEY_ID: 'test', AWS_SECRET_ACCESS_KEY: 'test' };
      const result = await runTool('deploy-production.mjs', ['--require-durable-backup'], env);
      assert.equal(result.code, 1, result.output);
      assert.match(result.stderr, /deploy-production refused: the backup could not be stored in s3:\/\/clinic-backups\/clinic-backups\/ \(.*Access Denied.*\): nothing was deployed/);
      assert.deepEqual(await query(db, `SELECT to_regclass('_prisma_migrations') AS history`), [{ history: null }]);
    } finally {
      await s3.stop();
      await db.drop();
    }
  });
});

describe('durable backup targets', () => {
  it('takes a bucket first, with its defaults', () => {
    assert.deepEqual(s3Target({ BACKUP_S3_BUCKET: 'b' }), { bucket: 'b', prefix: 'clinic-backups/', endpoint: undefined, region: 'us-east-1', forcePathStyle: false, serverSideEncryption: 'AES256' });
    assert.equal(s3Target({ BACKUP_S3_BUCKET: 'b', BACKUP_S3_SSE: 'none' }).serverSideEncryption, undefined);
    assert.equal(s3Target({ BACKUP_S3_BUCKET: ' ' }), undefined);
    assert.equal(requireDurableTarget('/nowhere', { explicitDir: false }, { BACKUP_S3_BUCKET: 'b' }).kind, 's3');
  });

  it('takes a directory only when it is mounted storage: there already, outside the checkout, the workspace and temporary folders', async () => {
    const mounted = await mkdtemp(path.join(os.tmpdir(), 'clinic-mounted-'));
    try {
      const elsewhere = path.join(mounted, 'runner-tmp');
      assert.equal(transientDirectoryReason(mounted, {}, elsewhere), undefined);
      assert.match(transientDirectoryReason(path.join(mounted, 'new'), {}, elsewhere), /does not exist: mounted backup storage is there before the deploy/);
      assert.match(transientDirectoryReason(mounted, { RUNNER_TEMP: mounted }, elsewhere), /inside the runner's temporary folder/);
      assert.match(transientDirectoryReason(mounted, { GITHUB_WORKSPACE: path.dirname(mounted) }, elsewhere), /inside the CI workspace/);
      assert.match(transientDirectoryReason(path.join(repoRoot, 'libs'), {}, elsewhere), /inside the checkout/);
    } finally {
      await rm(mounted, { recursive: true, force: true });
    }
  });
});
