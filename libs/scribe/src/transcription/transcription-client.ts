import { ProviderConnection } from '../providers/provider-connection.js';
import type { ProviderSettings } from '../providers/provider-endpoint.js';
import { PermanentProviderError } from '../providers/provider-errors.js';

export interface AudioForTranscription {
  bytes: Uint8Array;
  /** From {@link detectAudioType}: the provider reads the format from the file name. */
  mime: string;
  extension: string;
}

export interface Transcript {
  text: string;
}

export interface Transcriber {
  transcribe(audio: AudioForTranscription, signal?: AbortSignal): Promise<Transcript>;
}

/**
 * The OpenAI-compatible `POST {baseUrl}/audio/transcriptions` (OpenAI, and self-hosted Whisper
 * servers speaking the same protocol). It does not retry: failures come back as transient or
 * permanent ProviderErrors and the job runner decides.
 */
export class TranscriptionClient implements Transcriber {
  readonly #connection: ProviderConnection;

  constructor(settings: ProviderSettings) {
    this.#connection = new ProviderConnection(settings, 'audio/transcriptions', 'transcription');
  }

  async transcribe(audio: AudioForTranscription, signal?: AbortSignal): Promise<Transcript> {
    const form = new FormData();
    // Named by format only: the provider never sees who the recording is about.
    form.append('file', new Blob([audio.bytes], { type: audio.mime }), `recording.${audio.extension}`);
    form.append('model', this.#connection.model);
    form.append('response_format', 'json');
    const answer = await this.#connection.post(form, {}, signal);
    const text = (answer as { text?: unknown } | null)?.text;
    if (typeof text !== 'string') {
      throw new PermanentProviderError('transcription', 'unreadable_answer', { status: 200, detail: 'the answer has no text' });
    }
    return { text: text.trim() };
  }
}
