import { DomainError, DomainErrorCode, FixedError } from '../common/domain-error.js';

export class ScribeJobNotFound extends FixedError(DomainErrorCode.NotFound, 'Scribe job not found') {}

/** A second job for a visit whose job is still queued, transcribing or extracting. */
export class ScribeJobRunning extends FixedError(
  DomainErrorCode.Conflict,
  "A scribe job for this visit is still running: wait until it is ready or failed (GET /api/v1/appointments/{id}/scribe-jobs)",
) {}

/** The scribe writes a draft of a visit that is happening or happened, never of one still to come. */
export class VisitNotStarted extends DomainError {
  readonly code = DomainErrorCode.Conflict;
  constructor(status: string) {
    super(`The appointment is ${status}: the scribe drafts the record of a visit in progress or completed`);
  }
}

export class TranscriptionNotConfigured extends FixedError(
  DomainErrorCode.NotProcessable,
  'No transcription service is configured, so recordings cannot be transcribed: set TRANSCRIPTION_BASE_URL (and TRANSCRIPTION_MODEL, ' +
    'TRANSCRIPTION_API_KEY if the service needs them), or send the transcript instead as JSON {"transcript": "…"}',
) {}

export class RecordingTooLarge extends DomainError {
  readonly code = DomainErrorCode.PayloadTooLarge;
  constructor(maxBytes: number) {
    super(`The recording is larger than ${maxBytes} bytes (SCRIBE_MAX_AUDIO_BYTES)`);
  }
}

export class RecordingFormatUnsupported extends FixedError(
  DomainErrorCode.UnsupportedMediaType,
  'The audio file is not WAV, MP3, M4A/MP4, WebM or Ogg (its format is read from its first bytes, not from its declared type)',
) {}

/** A body that is neither JSON nor a multipart upload. */
export class ScribeBodyUnsupported extends FixedError(
  DomainErrorCode.UnsupportedMediaType,
  'Send either multipart/form-data with one file field "audio", or application/json {"transcript": "…"}',
) {}

export class RecordingNotFound extends FixedError(DomainErrorCode.NotFound, 'No recording for this visit') {}
