// Where visit recordings are kept. Only put and get: nothing in the application deletes a
// recording (retention is the operator's, outside it). Recordings are named by an opaque id the
// caller chooses (the scribe job's), never by anything about the patient.

export interface StoredAudio {
  bytes: Uint8Array;
  contentType: string;
}

export interface AudioStore {
  /**
   * Keeps the recording under `id`. Storing the same bytes again under the same id succeeds (a
   * retried job); different bytes under a used id are refused with {@link AudioAlreadyStored}.
   */
  put(id: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The recording, or null when nothing is stored under `id`. */
  get(id: string): Promise<StoredAudio | null>;
}

export class AudioIdInvalid extends Error {
  constructor() {
    super('an audio id is 1 to 128 letters, digits, "-" or "_", starting with a letter or digit');
    this.name = 'AudioIdInvalid';
  }
}

export class AudioContentTypeInvalid extends Error {
  constructor() {
    super('the content type must be a media type such as "audio/wav"');
    this.name = 'AudioContentTypeInvalid';
  }
}

export class AudioAlreadyStored extends Error {
  constructor() {
    super('a different recording is already stored under this id; recordings are never replaced');
    this.name = 'AudioAlreadyStored';
  }
}

// No dots or slashes: an id can never climb out of the store's directory or prefix.
const AUDIO_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,127}$/;
const MEDIA_TYPE = /^[a-z]+\/[a-z0-9][a-z0-9.+-]{0,99}$/;

export function checkAudioId(id: string): string {
  if (typeof id !== 'string' || !AUDIO_ID.test(id)) throw new AudioIdInvalid();
  return id;
}

export function checkContentType(contentType: string): string {
  if (typeof contentType !== 'string' || !MEDIA_TYPE.test(contentType)) throw new AudioContentTypeInvalid();
  return contentType;
}

export function sameRecording(a: StoredAudio, b: StoredAudio): boolean {
  return a.contentType === b.contentType && Buffer.from(a.bytes).equals(Buffer.from(b.bytes));
}
