import { TRANSCRIPT_MAX_LENGTH } from './limits.js';

/** Refused before any work: the API checks the same limit, so this means a caller skipped it. */
export class TranscriptTooLong extends RangeError {
  constructor(readonly length: number) {
    super(`the transcript has ${length} characters; at most ${TRANSCRIPT_MAX_LENGTH} are accepted`);
    this.name = 'TranscriptTooLong';
  }
}
