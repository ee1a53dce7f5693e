import { ApiPropertyOptional } from '@nestjs/swagger';
import { TRANSCRIPT_MAX_LENGTH } from '@clinic/scribe';

/**
 * The body of POST /appointments/:id/scribe, for the OpenAPI document: JSON with `transcript`, or
 * multipart/form-data with one file field `audio`. The service reads and checks it itself
 * (scribe.service.ts), since one route takes both.
 */
export class StartScribeDto {
  @ApiPropertyOptional({
    maxLength: TRANSCRIPT_MAX_LENGTH,
    description: 'application/json: the visit\'s transcript, transcribed on the device (up to 100,000 characters)',
    example: 'Doctor: What brings you in today?\nPatient: I have had a sore throat for three days.',
  })
  transcript?: string;

  @ApiPropertyOptional({
    type: String,
    format: 'binary',
    description: 'multipart/form-data: the recording (WAV, MP3, M4A/MP4, WebM or Ogg, read from its first bytes; at most SCRIBE_MAX_AUDIO_BYTES)',
  })
  audio?: string;
}
