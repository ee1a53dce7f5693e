import type { S3Client, S3ClientConfig } from '@aws-sdk/client-s3';
import { AudioAlreadyStored, type AudioStore, checkAudioId, checkContentType, sameRecording, type StoredAudio } from './audio-store.js';

export interface S3AudioStoreSettings {
  bucket: string;
  region: string;
  /** For S3-compatible stores (MinIO, Ceph, Garage …); AWS's own endpoint when absent. */
  endpoint?: string;
  /** `bucket` in the path rather than the host name, as most self-hosted stores need. */
  forcePathStyle?: boolean;
  /** The SDK's default chain (environment, instance role …) when absent. */
  credentials?: { accessKeyId: string; secretAccessKey: string; sessionToken?: string };
  /** Prepended to every id, e.g. `scribe-audio/`. */
  prefix?: string;
}

type Sdk = typeof import('@aws-sdk/client-s3');

// The SDK is loaded by the first put or get: a process that keeps recordings on disk (the
// default) never loads it, which spares every API process about 150 ms of start-up and 15 MB.
let loadingSdk: Promise<Sdk> | undefined;
const loadSdk = (): Promise<Sdk> => (loadingSdk ??= import('@aws-sdk/client-s3'));

function statusOf(sdk: Sdk, error: unknown): number | undefined {
  return error instanceof sdk.S3ServiceException ? error.$metadata.httpStatusCode : undefined;
}

/**
 * Recordings in an S3 bucket, one object per id. A put is conditional (`If-None-Match: *`), so an
 * object is never replaced; a store that ignores the condition overwrites, which is why ids are
 * never reused. Encryption at rest and retention are the bucket's settings.
 */
export class S3AudioStore implements AudioStore {
  readonly #config: S3ClientConfig;
  readonly #bucket: string;
  readonly #prefix: string;
  #client?: S3Client;

  constructor(settings: S3AudioStoreSettings) {
    this.#bucket = settings.bucket;
    this.#prefix = settings.prefix ?? '';
    this.#config = {
      region: settings.region,
      endpoint: settings.endpoint,
      forcePathStyle: settings.forcePathStyle ?? false,
      credentials: settings.credentials,
      // The SDK's default checksums (CRC32 headers, aws-chunked bodies) are not understood by many
      // S3-compatible stores; send and check them only where the operation requires them.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    };
  }

  async #connect(): Promise<{ sdk: Sdk; client: S3Client }> {
    const sdk = await loadSdk();
    this.#client ??= new sdk.S3Client(this.#config);
    return { sdk, client: this.#client };
  }

  async put(id: string, bytes: Uint8Array, contentType: string): Promise<void> {
    const key = this.#key(id);
    checkContentType(contentType);
    const { sdk, client } = await this.#connect();
    try {
      await client.send(new sdk.PutObjectCommand({ Bucket: this.#bucket, Key: key, Body: bytes, ContentType: contentType, IfNoneMatch: '*' }));
    } catch (error) {
      if (statusOf(sdk, error) !== 412) throw error;
      const existing = await this.get(id);
      if (!existing || !sameRecording(existing, { bytes, contentType })) throw new AudioAlreadyStored();
    }
  }

  async get(id: string): Promise<StoredAudio | null> {
    const key = this.#key(id);
    const { sdk, client } = await this.#connect();
    try {
      const object = await client.send(new sdk.GetObjectCommand({ Bucket: this.#bucket, Key: key }));
      if (!object.Body) return null;
      return { bytes: await object.Body.transformToByteArray(), contentType: object.ContentType ?? 'application/octet-stream' };
    } catch (error) {
      if (statusOf(sdk, error) === 404) return null;
      throw error;
    }
  }

  /** Lets a caller stop the client's sockets at shutdown. */
  destroy(): void {
    this.#client?.destroy();
  }

  #key(id: string): string {
    return `${this.#prefix}${checkAudioId(id)}`;
  }
}
