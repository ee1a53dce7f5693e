import { randomBytes } from 'node:crypto';
import { chmod, link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { AudioAlreadyStored, type AudioStore, checkAudioId, checkContentType, sameRecording, type StoredAudio } from './audio-store.js';

const DIRECTORY_MODE = 0o700;
const FILE_MODE = 0o600;

function isCode(error: unknown, code: string): boolean {
  return (error as { code?: unknown } | null)?.code === code;
}

/**
 * Recordings in a local directory: `<id>` holds the bytes and `<id>.type` the content type, both
 * readable by the server's user only (files 0600, directory 0700). A file is written under a
 * temporary name and then hard-linked to its own, which fails if the name exists: a crash never
 * leaves half a recording under an id, and nothing is ever overwritten.
 */
export class LocalAudioStore implements AudioStore {
  #ready: Promise<void> | undefined;

  constructor(readonly directory: string) {}

  async put(id: string, bytes: Uint8Array, contentType: string): Promise<void> {
    checkAudioId(id);
    checkContentType(contentType);
    await this.#prepare();
    const typeStored = await this.#create(`${id}.type`, Buffer.from(contentType, 'utf8'));
    const bytesStored = await this.#create(id, bytes);
    if (typeStored && bytesStored) return;
    const existing = await this.get(id);
    if (!existing || !sameRecording(existing, { bytes, contentType })) throw new AudioAlreadyStored();
  }

  async get(id: string): Promise<StoredAudio | null> {
    checkAudioId(id);
    let bytes: Buffer;
    try {
      bytes = await readFile(path.join(this.directory, id));
    } catch (error) {
      if (isCode(error, 'ENOENT')) return null;
      throw error;
    }
    const contentType = await readFile(path.join(this.directory, `${id}.type`), 'utf8').catch((error: unknown) => {
      if (isCode(error, 'ENOENT')) return 'application/octet-stream';
      throw error;
    });
    return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), contentType };
  }

  /** The directory, created if needed and kept private even if it was created more openly. */
  #prepare(): Promise<void> {
    this.#ready ??= (async () => {
      await mkdir(this.directory, { recursive: true, mode: DIRECTORY_MODE });
      await chmod(this.directory, DIRECTORY_MODE);
    })().catch((error: unknown) => {
      this.#ready = undefined;
      throw error;
    });
    return this.#ready;
  }

  /** Writes `name` unless it exists; false when it did (left as it was). */
  async #create(name: string, bytes: Uint8Array): Promise<boolean> {
    // Temporary names start with a dot, which no id can: they never collide with a recording.
    const temporary = path.join(this.directory, `.${name}.${randomBytes(6).toString('hex')}.partial`);
    await writeFile(temporary, bytes, { mode: FILE_MODE, flag: 'wx', flush: true });
    try {
      await link(temporary, path.join(this.directory, name));
      return true;
    } catch (error) {
      if (isCode(error, 'EEXIST')) return false;
      throw error;
    } finally {
      await unlink(temporary);
    }
  }
}
