// check-migrations.mjs run as CI runs it, on throw-away git repositories holding a migrations folder.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { BASELINE_MIGRATION, defaultMigrationsDir } from './lib/paths.mjs';
import { runTool } from './test-support.mjs';

const ACK = '-- migration-safety: allow ban-drop-column — reviewed by Dana Reyes, reason: patients holds a few thousand rows';
const contracted = (release) => `-- migration-safety: allow contract-drop-column — reviewed by Dana Reyes, contracted in ${release}, reason: the API stopped reading the address in ${release}`;
const repos = [];
after(() => Promise.all(repos.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A repository whose main has the baseline and one later migration. */
async function repository() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'clinic-check-'));
  repos.push(dir);
  const migrations = path.join(dir, 'prisma/migrations');
  await mkdir(migrations, { recursive: true });
  await cp(path.join(defaultMigrationsDir, BASELINE_MIGRATION), path.join(migrations, BASELINE_MIGRATION), { recursive: true });
  await cp(path.join(defaultMigrationsDir, 'migration_lock.toml'), path.join(migrations, 'migration_lock.toml'));
  const repo = {
    dir,
    migrations,
    git: (...args) => execFileSync('git', args, { cwd: dir, encoding: 'utf8' }),
    async write(folder, files) {
      await mkdir(path.join(migrations, folder), { recursive: true });
      for (const [name, text] of Object.entries(files)) await writeFile(path.join(migrations, folder, name), text);
    },
    commit(message) {
      repo.git('add', '-A');
      repo.git('commit', '-q', '-m', message);
    },
    check: (...args) => runTool('check-migrations.mjs', ['--migrations', migrations, '--skip-drift', ...args]),
  };
  repo.git('init', '-q', '-b', 'main');
  repo.git('config', 'user.email', 'ci@clinic.test');
  repo.git('config', 'user.name', 'CI');
  await repo.write('20240301000000_add_patient_middle_name', {
    'migration.sql': 'ALTER TABLE "patients" ADD COLUMN "middleName" VARCHAR(255);\n',
    'down.sql': 'ALTER TABLE "patients" DROP COLUMN "middleName";\n',
  });
  repo.commit('base');
  return repo;
}

const addColumn = (column) => ({ 'migration.sql': `ALTER TABLE "patients" ADD COLUMN "${column}" VARCHAR(255);\n`, 'down.sql': `ALTER TABLE "patients" DROP COLUMN "${column}";\n` });

describe('check-migrations', () => {
  it('passes when no migration changed, and for a well-formed new migration', async () => {
    const repo = await repository();
    const unchanged = await repo.check('--base', 'HEAD');
    assert.equal(unchanged.code, 0, unchanged.output);
    assert.match(unchanged.stdout, /no migration folder added or changed/);

    await repo.write('20240302000000_add_patient_nickname', addColumn('nickname'));
    const result = await repo.check('--base', 'HEAD');
    assert.equal(result.code, 0, result.output);
    assert.match(result.stdout, /ok {3}20240302000000_add_patient_nickname \(new\)/);
    assert.match(result.stdout, /ok {3}lint: no unsafe statements/);
  });

  it('fails names that break the naming rules, each with its reason', async () => {
    const repo = await repository();
    await repo.write('20240302000000_AddNickname', addColumn('a'));
    await repo.write('20240302000001_patient_nickname', addColumn('b'));
    await repo.write('20240231000000_add_patient_nickname', addColumn('c'));
    await repo.write('20240229000000_add_patient_nickname', addColumn('d'));
    await repo.write('29990101000000_add_patient_nickname', addColumn('e'));
    await repo.write(`20240303000000_add_${'x'.repeat(50)}`, addColumn('f'));
    const result = await repo.check('--base', 'HEAD');
    assert.equal(result.code, 1, result.output);
    assert.match(result.stdout, /20240302000000_AddNickname \(new\)\n.*FAIL naming: description "AddNickname" must be snake_case/);
    assert.match(result.stdout, /FAIL naming: description must start with one of add_, remove_, update_, rename_, create_/);
    assert.match(result.stdout, /FAIL naming: timestamp 20240231000000 is not a real date and time/);
    assert.match(result.stdout, /20240229000000_add_patient_nickname \(new\)\n.*FAIL naming: timestamp must be later than the newest migration on the base \(20240301000000_add_patient_middle_name\)/);
    assert.match(result.stdout, /FAIL naming: timestamp 29990101000000 is in the future/);
    assert.match(result.stdout, /FAIL naming: description is 54 characters; keep it under 50/);
    assert.match(result.stdout, /FAILED: 6 folder\(s\) checked, 6 failing/);
  });

  it('fails when a migration on the base is edited or deleted, and allows writing its down.sql', async () => {
    const repo = await repository();
    await writeFile(path.join(repo.migrations, '20240301000000_add_patient_middle_name/migration.sql'), 'ALTER TABLE "patients" ADD COLUMN "middleName" TEXT;\n');
    const edited = await repo.check('--base', 'HEAD');
    assert.equal(edited.code, 1, edited.output);
    assert.match(edited.stdout, /20240301000000_add_patient_middle_name \(edited\)\n.*FAIL history: migration.sql differs from the base: deployed migrations are never edited/);

    repo.git('checkout', '--', '.');
    await writeFile(path.join(repo.migrations, '20240301000000_add_patient_middle_name/down.sql'), '-- Drops the column and its values.\nALTER TABLE "patients" DROP COLUMN "middleName";\n');
    const touched = await repo.check('--base', 'HEAD');
    assert.equal(touched.code, 0, touched.output);
    assert.match(touched.stdout, /ok {3}20240301000000_add_patient_middle_name \(touched\)/);

    await rm(path.join(repo.migrations, BASELINE_MIGRATION), { recursive: true });
    const deleted = await repo.check('--base', 'HEAD');
    assert.equal(deleted.code, 1, deleted.output);
    assert.match(deleted.stdout, /20240215120000_initial_schema \(deleted\)\n.*FAIL history: exists on the base but not here/);
  });

  it('requires a non-empty down.sql beside every new migration', async () => {
    const repo = await repository();
    await repo.write('20240302000000_add_patient_nickname', { 'migration.sql': 'ALTER TABLE "patients" ADD COLUMN "nickname" TEXT;\n' });
    await repo.write('20240302000001_add_patient_title', { 'migration.sql': 'ALTER TABLE "patients" ADD COLUMN "title" TEXT;\n', 'down.sql': '\n' });
    const result = await repo.check('--base', 'HEAD');
    assert.equal(result.code, 1, result.output);
    assert.match(result.stdout, /FAIL down.sql: missing/);
    assert.match(result.stdout, /FAIL down.sql: empty/);
  });

  it('fails an unsafe statement until a reviewer acknowledges it', async () => {
    const repo = await repository();
    const down = 'ALTER TABLE "patients" ADD COLUMN "address" VARCHAR(255);\n';
    await repo.write('20240302000000_remove_patient_address', { 'migration.sql': 'ALTER TABLE "patients" DROP COLUMN "address";\n', 'down.sql': down });
    const unsafe = await repo.check('--base', 'HEAD');
    assert.equal(unsafe.code, 1, unsafe.output);
    assert.match(unsafe.stdout, /FAIL lint: line 1: ban-drop-column: Dropping a column may break existing clients/);
    assert.match(unsafe.stdout, /-- migration-safety: allow <rule>\[, <rule>\] — reviewed by <name>, reason: <why it is safe here>/);

    assert.match(unsafe.stdout, /FAIL lint: line 1: contract-drop-column: drops column patients.address, which the previous release may still read or write/);
    assert.match(unsafe.stdout, /acknowledge it naming that release:\n\s+-- migration-safety: allow <contract rule> — reviewed by <name>, contracted in <release tag or commit>, reason: <why>/);

    repo.git('tag', 'v2024.03.0');
    await repo.write('20240302000000_remove_patient_address', { 'migration.sql': `${ACK}\n${contracted('v2024.03.0')}\nALTER TABLE "patients" DROP COLUMN "address";\n`, 'down.sql': down });
    const reviewed = await repo.check('--base', 'HEAD');
    assert.equal(reviewed.code, 0, reviewed.output);
    assert.match(reviewed.stdout, /ok {3}lint: acknowledged: ban-drop-column at line 3, reviewed by Dana Reyes; contract-drop-column at line 3, reviewed by Dana Reyes/);
  });

  it('accepts a contraction only after a release the base already holds', async () => {
    const repo = await repository();
    const down = 'ALTER TABLE "patients" ADD COLUMN "address" VARCHAR(255);\n';
    const migration = (release) => ({ 'migration.sql': `${ACK}\n${contracted(release)}\nALTER TABLE "patients" DROP COLUMN "address";\n`, 'down.sql': down });

    await repo.write('20240302000000_remove_patient_address', migration('v9.9.9'));
    const unknown = await repo.check('--base', 'HEAD');
    assert.equal(unknown.code, 1, unknown.output);
    assert.match(unknown.stdout, /FAIL lint: line 2: contracted in v9.9.9: not a tag or commit of this repository/);

    // A release cut on this branch after the base has not shipped before the migration.
    const base = repo.git('rev-parse', 'HEAD').trim();
    await writeFile(path.join(repo.dir, 'api-change.txt'), 'the API no longer reads the address\n');
    repo.git('add', 'api-change.txt');
    repo.git('commit', '-q', '-m', 'stop reading the address');
    repo.git('tag', 'v2024.04.0');
    await repo.write('20240302000000_remove_patient_address', migration('v2024.04.0'));
    const unreleased = await repo.check('--base', base);
    assert.equal(unreleased.code, 1, unreleased.output);
    assert.match(unreleased.stdout, /contracted in v2024.04.0: not part of \w+: the release that stopped using it must ship before the migration that takes it away/);

    const released = await repo.check('--base', 'v2024.04.0');
    assert.equal(released.code, 0, released.output);
  });

  it('compares with origin/main by default, else with HEAD~1, uncommitted work included', async () => {
    const repo = await repository();
    await repo.write('20240302000000_add_patient_nickname', addColumn('nickname'));
    repo.commit('nickname');
    const parent = await repo.check();
    assert.equal(parent.code, 0, parent.output);
    assert.match(parent.stdout, /against HEAD~1/);
    assert.match(parent.stdout, /20240302000000_add_patient_nickname \(new\)/);

    repo.git('update-ref', 'refs/remotes/origin/main', 'HEAD~1');
    await repo.write('20240303000000_AddTitle', addColumn('title'));
    const remote = await repo.check();
    assert.equal(remote.code, 1, remote.output);
    assert.match(remote.stdout, /against origin\/main/);
    assert.match(remote.stdout, /ok {3}20240302000000_add_patient_nickname \(new\)/);
    assert.match(remote.stdout, /FAIL 20240303000000_AddTitle \(new\)/);
  });

  it('checks every folder with --all, the baseline exempt from the verb, lint and down.sql rules', async () => {
    const repo = await repository();
    await repo.write('20240302000000_add_patient_nickname', { 'migration.sql': 'ALTER TABLE "patients" DROP COLUMN "address";\n' });
    const result = await repo.check('--all');
    assert.equal(result.code, 1, result.output);
    assert.match(result.stdout, /ok {3}20240215120000_initial_schema \(checked\)/);
    assert.match(result.stdout, /ok {3}20240301000000_add_patient_middle_name \(checked\)/);
    assert.match(result.stdout, /FAIL 20240302000000_add_patient_nickname \(checked\)\n.*ok {3}naming\n.*FAIL down.sql: missing.*\n.*FAIL lint: line 1: ban-drop-column/);
  });

  it('explains when it cannot run', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'clinic-check-nogit-'));
    repos.push(dir);
    const result = await runTool('check-migrations.mjs', ['--migrations', dir, '--skip-drift']);
    assert.equal(result.code, 2, result.output);
    assert.match(result.stderr, /not inside a git repository with commits: use --all/);
    const unknown = await (await repository()).check('--base', 'no-such-ref');
    assert.equal(unknown.code, 2, unknown.output);
    assert.match(unknown.stderr, /--base no-such-ref is not a commit/);
  });
});
