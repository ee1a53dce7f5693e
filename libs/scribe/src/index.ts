// @clinic/scribe: the offline core of the AI scribe. Extraction types and engines (rules, llm),
// the transcription client, audio sniffing and storage. No framework: the API wires these in.

export { type ExtractedNote, type ExtractedPrescription, type ExtractedSymptom, type Extraction, type Extractor, NOT_STATED } from './extraction/extraction.js';
export { EXTRACTION_JSON_SCHEMA } from './extraction/extraction-json-schema.js';
export { EXTRACTION_LIMITS, TRANSCRIPT_MAX_LENGTH } from './extraction/limits.js';
export { ExtractionInvalid, parseExtraction } from './extraction/parse-extraction.js';
export { TranscriptTooLong } from './extraction/transcript-too-long.js';

export { extractByRules, RulesExtractor } from './rules/rules-extractor.js';
export { canonicalSymptomName, frequencyKey, genericMedicationName, strengthKey } from './rules/normalise.js';
export { LlmExtractor } from './llm/llm-extractor.js';

export { type ProviderSettings, ProviderSettingsInvalid } from './providers/provider-endpoint.js';
export {
  isTransientProviderError,
  PermanentProviderError,
  type PermanentReason,
  ProviderError,
  type ProviderName,
  TransientProviderError,
  type TransientReason,
} from './providers/provider-errors.js';
export { retryAfterSeconds } from './providers/retry-after.js';
export { type AudioForTranscription, type Transcriber, type Transcript, TranscriptionClient } from './transcription/transcription-client.js';

export { type AudioType, detectAudioType } from './audio/detect-audio-type.js';
export {
  AudioAlreadyStored,
  AudioContentTypeInvalid,
  AudioIdInvalid,
  type AudioStore,
  type StoredAudio,
} from './storage/audio-store.js';
export { LocalAudioStore } from './storage/local-audio-store.js';
export { S3AudioStore, type S3AudioStoreSettings } from './storage/s3-audio-store.js';
