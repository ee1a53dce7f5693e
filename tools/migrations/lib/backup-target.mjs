// Where a production backup is kept. A dump written on a CI runner's disk disappears with the
// job, so a deploy that must be recoverable (--require-durable-backup, as the release workflow
// runs it) needs a target that outlives the job: an S3-compatible bucket, or a directory on
// storage mounted into the runner (a self-hosted runner's volume).
//
//   BACKUP_S3_BUCKET            the bucket; the dump is uploaded there and checked before the deploy
//   BACKUP_S3_PREFIX            key prefix (default: clinic-backups/)
//   BACKUP_S3_ENDPOINT          an S3-compatible service's URL (MinIO, Ceph, R2 …); unset: AWS
//   BACKUP_S3_REGION            default: AWS_REGION, else us-east-1
//   BACKUP_S3_FORCE_PATH_STYLE  true for services without virtual-host buckets (most S3-compatible ones)
//   BACKUP_S3_SSE               server-side encryption (default AES256; "none" for services without it)
//   credentials: the SDK's usual chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, a role …)
import { createReadStream, existsSync, statSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './paths.mjs';

/** The bucket settings, or undefined when no bucket is configured. */
export function s3Target(env = process.env) {
  const bucket = env.BACKUP_S3_BUCKET?.trim();
  if (!bucket) return undefined;
  const prefix = (env.BACKUP_S3_PREFIX ?? 'clinic-backups/').replace(/^\/+/, '');
  return {
    bucket,
    prefix: prefix && !prefix.endsWith('/') ? `${prefix}/` : prefix,
    endpoint: env.BACKUP_S3_ENDPOINT?.trim() || undefined,
    region: env.BACKUP_S3_REGION?.trim() || env.AWS_REGION?.trim() || 'us-east-1',
    forcePathStyle: env.BACKUP_S3_FORCE_PATH_STYLE === 'true',
    serverSideEncryption: env.BACKUP_S3_SSE === 'none' ? undefined : env.BACKUP_S3_SSE?.trim() || 'AES256',
  };
}

function inside(dir, parent) {
  const relative = path.relative(parent, dir);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Why a backup directory cannot be trusted to outlive the job, or undefined when it can: mounted
 * storage exists before the deploy (a folder the deploy would create is on the runner's own
 * disk), and is neither the checkout nor a temporary folder.
 */
export function transientDirectoryReason(dir, env = process.env, temporary = os.tmpdir()) {
  const resolved = path.resolve(dir);
  if (!existsSync(resolved) || !statSync(resolved).isDirectory()) {
    return `${resolved} does not exist: mounted backup storage is there before the deploy (a folder created now lives on the runner's own disk)`;
  }
  const transient = [
    [repoRoot, 'the checkout'],
    [env.GITHUB_WORKSPACE, 'the CI workspace'],
    [env.RUNNER_TEMP, "the runner's temporary folder"],
    [temporary, 'the temporary folder'],
  ].filter(([parent]) => parent);
  const [, what] = transient.find(([parent]) => inside(resolved, path.resolve(parent))) ?? [];
  return what ? `${resolved} is inside ${what}, which is deleted with the job` : undefined;
}

/**
 * The durable target a deploy may rely on, or throws with what to configure. A bucket wins:
 * the dump is then uploaded from wherever BACKUP_DIR is.
 */
export function requireDurableTarget(backupDir, { explicitDir }, env = process.env) {
  const s3 = s3Target(env);
  if (s3) return { kind: 's3', s3 };
  const reason = explicitDir ? transientDirectoryReason(backupDir, env) : 'no BACKUP_DIR was given';
  if (!reason) return { kind: 'directory', dir: path.resolve(backupDir) };
  throw new Error(
    `no durable backup target (${reason}). Set BACKUP_S3_BUCKET (an S3-compatible bucket, with BACKUP_S3_ENDPOINT for a non-AWS service), ` +
      'or BACKUP_DIR to mounted storage that outlives this job (a self-hosted runner\'s volume). Nothing was deployed.',
  );
}

/** s3://bucket/key, for messages. */
export function s3Location(s3, key) {
  return `s3://${s3.bucket}/${key}`;
}

/**
 * Uploads the dump and reads back its size: the deploy goes ahead only once the bucket holds
 * the whole file. Resolves with its s3:// location.
 */
export async function uploadBackup(file, s3) {
  const { HeadObjectCommand, PutObjectCommand, S3Client } = await import('@aws-sdk/client-s3');
  const client = new S3Client({
    region: s3.region,
    endpoint: s3.endpoint,
    forcePathStyle: s3.forcePathStyle,
    // The SDK's default CRC trailers (aws-chunked uploads) are refused by many S3-compatible services.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const key = `${s3.prefix}${path.basename(file)}`;
  const { size } = await stat(file);
  try {
    await client.send(
      new PutObjectCommand({
        Bucket: s3.bucket,
        Key: key,
        Body: createReadStream(file),
        ContentLength: size,
        ContentType: 'application/octet-stream',
        ...(s3.serverSideEncryption ? { ServerSideEncryption: s3.serverSideEncryption } : {}),
      }),
    );
    const head = await client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: key }));
    if (head.ContentLength !== size) {
      throw new Error(`the bucket holds ${head.ContentLength ?? 'no'} bytes of the ${size}-byte dump`);
    }
    return s3Location(s3, key);
  } finally {
    client.destroy();
  }
}
