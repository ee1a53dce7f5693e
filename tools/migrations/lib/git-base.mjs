// What the migrations folder looked like on the base the change is compared with.
import { execFile } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

async function git(cwd, args) {
  const { stdout } = await run('git', args, { cwd, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

async function resolves(cwd, ref) {
  return git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]).then((out) => out.trim(), () => undefined);
}

/**
 * The commit to compare with. An explicit --base wins (CI passes the pull request's base or the
 * last commit it checked). Otherwise origin/main, what a change will be merged into; without a
 * remote, HEAD~1, so that the last commit and anything not yet committed are what is checked.
 */
export async function resolveBase(cwd, requested) {
  if (!(await resolves(cwd, 'HEAD'))) throw new Error(`${cwd} is not inside a git repository with commits: use --all`);
  if (requested) {
    const sha = await resolves(cwd, requested);
    if (!sha) throw new Error(`--base ${requested} is not a commit in this repository (fetch it first: git fetch origin ${requested})`);
    return { ref: requested, sha };
  }
  for (const ref of ['origin/main', 'HEAD~1']) {
    const sha = await resolves(cwd, ref);
    if (sha) return { ref, sha };
  }
  throw new Error('no origin/main and no parent commit to compare with: pass --base <ref> or use --all');
}

/**
 * The migration folders on the base and in the working tree, each as folder → (file → git blob
 * id). Working-tree files are hashed as git would store them, so that "differs" means what a
 * commit would change.
 */
export async function compareWithBase(migrationsDir, baseSha, workingFolders) {
  const prefix = (await git(migrationsDir, ['rev-parse', '--show-prefix'])).trim().replace(/\/$/, '');
  const listing = await git(migrationsDir, ['ls-tree', '-r', '--full-tree', baseSha, '--', prefix || '.']);
  const onBase = new Map();
  for (const line of listing.split('\n').filter(Boolean)) {
    const [meta, file] = line.split('\t');
    const [folder, ...rest] = path.posix.relative(prefix, file).split('/');
    if (rest.length === 0) continue; // migration_lock.toml and other files beside the folders
    if (!onBase.has(folder)) onBase.set(folder, new Map());
    onBase.get(folder).set(rest.join('/'), meta.split(' ')[2]);
  }
  const working = new Map();
  const files = [];
  for (const folder of workingFolders) {
    working.set(folder, new Map());
    const entries = await readdir(path.join(migrationsDir, folder), { recursive: true, withFileTypes: true });
    for (const entry of entries.filter((one) => one.isFile())) {
      const relative = path.relative(path.join(migrationsDir, folder), path.join(entry.parentPath ?? entry.path, entry.name));
      files.push([folder, relative.split(path.sep).join('/')]);
    }
  }
  if (files.length) {
    const hashes = (await git(migrationsDir, ['hash-object', '--', ...files.map(([folder, file]) => path.join(folder, file))])).trim().split('\n');
    files.forEach(([folder, file], index) => working.get(folder).set(file, hashes[index]));
  }
  return { onBase, working };
}

/**
 * What is wrong with a release named by an expand/contract acknowledgement ("contracted in
 * <release>"), or undefined: it must be a commit or tag of this repository that the base already
 * contains, i.e. code that shipped before this migration.
 */
export async function releaseProblem(cwd, release, baseSha) {
  const sha = await resolves(cwd, release);
  if (!sha) return `not a tag or commit of this repository (tags fetched? git fetch --tags)`;
  const contained = await run('git', ['merge-base', '--is-ancestor', sha, baseSha], { cwd }).then(
    () => true,
    (error) => (error.code === 1 ? false : Promise.reject(error)),
  );
  return contained ? undefined : `not part of ${baseSha.slice(0, 10)}: the release that stopped using it must ship before the migration that takes it away`;
}
