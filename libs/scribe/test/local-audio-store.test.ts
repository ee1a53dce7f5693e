import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { AudioAlreadyStored, AudioContentTypeInvalid, AudioIdInvalid, LocalAudioStore } from '../src/index.js';
import { ogg, wav } from './support/audio-headers.js';

describe('LocalAudioStore', () => {
  let root: string;
  before(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'scribe-audio-'));
  });
  after(() => rm(root, { recursive: true, force: true }));

  it('keeps a recording under its id, readable back with its content type', async () => {
    const store = new LocalAudioStore(path.join(root, 'roundtrip'));
    const bytes = wav();
    await store.put('0b6f4c1e-2d3a-4f5b-8c7d-9e0f1a2b3c4d', bytes, 'audio/wav');
    const stored = await store.get('0b6f4c1e-2d3a-4f5b-8c7d-9e0f1a2b3c4d');
    assert.deepEqual(stored && new Uint8Array(stored.bytes), bytes);
    assert.equal(stored?.contentType, 'audio/wav');
    assert.equal(await store.get('never-stored'), null);
  });

  it('is private to the server user: directory 0700, files 0600, named by id only', async () => {
    const directory = path.join(root, 'private');
    const store = new LocalAudioStore(directory);
    await store.put('job-1', ogg(), 'audio/ogg');
    assert.equal((await stat(directory)).mode & 0o777, 0o700);
    assert.equal((await stat(path.join(directory, 'job-1'))).mode & 0o777, 0o600);
    assert.equal((await stat(path.join(directory, 'job-1.type'))).mode & 0o777, 0o600);
    assert.deepEqual((await readdir(directory)).sort(), ['job-1', 'job-1.type'], 'no temporary files are left behind');
  });

  it('makes an existing, more open directory private', async () => {
    const directory = path.join(root, 'was-open');
    await mkdir(directory, { mode: 0o755 });
    await new LocalAudioStore(directory).put('job-2', ogg(), 'audio/ogg');
    assert.equal((await stat(directory)).mode & 0o777, 0o700);
  });

  it('accepts the same recording again (a retried job) but never replaces one', async () => {
    const store = new LocalAudioStore(path.join(root, 'no-replace'));
    await store.put('job-3', wav(), 'audio/wav');
    await store.put('job-3', wav(), 'audio/wav');
    await assert.rejects(store.put('job-3', wav(320), 'audio/wav'), AudioAlreadyStored);
    await assert.rejects(store.put('job-3', wav(), 'audio/ogg'), AudioAlreadyStored);
    assert.deepEqual((await store.get('job-3'))?.bytes, wav());
  });

  it('refuses ids that could leave the directory, and content types that are not media types', async () => {
    const directory = path.join(root, 'ids');
    const store = new LocalAudioStore(directory);
    for (const id of ['../escape', 'a/b', '.hidden', '', 'x'.repeat(129), 'name with spaces', 'job.type', '..', 'C:\\temp']) {
      await assert.rejects(store.put(id, wav(), 'audio/wav'), AudioIdInvalid, id);
      await assert.rejects(store.get(id), AudioIdInvalid, id);
    }
    await assert.rejects(store.put('job-4', wav(), 'audio/wav\r\nx-injected: 1'), AudioContentTypeInvalid);
    await assert.rejects(stat(path.join(root, 'escape')), { code: 'ENOENT' });
  });
});
