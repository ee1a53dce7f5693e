import type { Extraction, Extractor } from '../extraction/extraction.js';
import { EXTRACTION_LIMITS, TRANSCRIPT_MAX_LENGTH } from '../extraction/limits.js';
import { TranscriptTooLong } from '../extraction/transcript-too-long.js';
import { chartPrescription } from './medications/chart-prescriptions.js';
import { findPrescriptions } from './medications/find-prescriptions.js';
import { composeNote } from './note/compose-note.js';
import { chartSymptoms } from './symptoms/chart-symptoms.js';
import { findSymptoms } from './symptoms/find-symptoms.js';
import { readSentences } from './text/reading.js';
import { readTranscript } from './text/transcript.js';

/**
 * The `rules` engine: offline and deterministic, the same transcript always gives the same
 * draft. It reads the transcript into speakers' sentences, finds symptoms and medications with
 * lexicons and NegEx-style context rules, and composes the note from what it found. How it works
 * and where it falls short: the library's README.
 */
export class RulesExtractor implements Extractor {
  async extract(transcript: string, signal?: AbortSignal): Promise<Extraction> {
    signal?.throwIfAborted();
    return extractByRules(transcript);
  }
}

export function extractByRules(transcript: string): Extraction {
  if (transcript.length > TRANSCRIPT_MAX_LENGTH) throw new TranscriptTooLong(transcript.length);
  const readings = readSentences(readTranscript(transcript));
  const { symptoms, denied } = chartSymptoms(findSymptoms(readings));
  const medications = findPrescriptions(readings);
  return {
    note: composeNote(readings, symptoms, denied, medications),
    symptoms,
    prescriptions: medications.prescribed.slice(0, EXTRACTION_LIMITS.prescriptions).map(chartPrescription),
  };
}
