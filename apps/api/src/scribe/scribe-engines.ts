import { Inject, Injectable } from '@nestjs/common';
import { type AudioStore, type Extractor, LlmExtractor, LocalAudioStore, RulesExtractor, S3AudioStore, type Transcriber, TranscriptionClient } from '@clinic/scribe';
import { APP_CONFIG } from '../config/config.module.js';
import type { AppConfig, ScribeConfig } from '../config/app-config.js';

/**
 * The scribe's parts as configured (libs/scribe): where recordings are kept, who transcribes them
 * (nobody, when TRANSCRIPTION_BASE_URL is unset), and which engine extracts the draft. Built once;
 * a bad provider setting stops start-up rather than every job. Keys stay inside the clients,
 * which never print them.
 */
@Injectable()
export class ScribeEngines {
  readonly audio: AudioStore;
  readonly transcriber: Transcriber | undefined;
  readonly extractor: Extractor;
  readonly settings: ScribeConfig;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.settings = config.scribe;
    const { storage, transcription, extractor } = config.scribe;
    this.audio =
      storage.kind === 'local'
        ? new LocalAudioStore(storage.directory)
        : new S3AudioStore({
            bucket: storage.bucket,
            region: storage.region,
            endpoint: storage.endpoint,
            forcePathStyle: storage.forcePathStyle,
            credentials: storage.credentials,
            prefix: storage.prefix,
          });
    this.transcriber = transcription && new TranscriptionClient(transcription);
    this.extractor = extractor.kind === 'llm' ? new LlmExtractor(extractor) : new RulesExtractor();
  }
}
