import type { Reading } from '../text/reading.js';
import type { Section } from '../text/sections.js';

// Picking the sentences a note quotes: those dictated under a heading, or the clinician's own
// sentences that carry a cue ("this looks like", "come back if").

/** Sentences dictated under the heading, as said. */
export function underHeading(readings: readonly Reading[], section: Section): string[] {
  return readings.filter((reading) => reading.sentence.header === section && reading.sentence.text).map((reading) => reading.sentence.text);
}

/** The clinician's statements once the patient has spoken: where diagnoses and plans are said. */
export function clinicianStatements(readings: readonly Reading[]): Reading[] {
  const firstAnswer = readings.findIndex((reading) => reading.sentence.role !== 'clinician');
  return readings.filter(
    (reading, index) => index > firstAnswer && (reading.sentence.role === 'clinician' || reading.sentence.role === 'narrator') && !reading.sentence.isQuestion,
  );
}

export function joinSentences(sentences: readonly string[]): string | null {
  const text = sentences
    .map((sentence) => sentence.replace(/[;,:\s]+$/, ''))
    .filter(Boolean)
    .map((sentence) => (/[.!?]$/.test(sentence) ? sentence : `${sentence}.`))
    .join(' ');
  return text.trim() || null;
}
