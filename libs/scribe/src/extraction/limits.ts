// The limits an extraction must keep: the database's column lengths and the API's field rules
// (the same numbers as the records, symptoms and prescriptions DTOs), plus caps on how many items
// one visit can produce, so a runaway answer cannot flood a chart.

export const EXTRACTION_LIMITS = {
  /** varchar(255) columns: chief complaint, diagnosis, symptom name, body site, strength … */
  shortText: 255,
  /** The note's free-text fields and a symptom's notes. */
  longText: 20_000,
  instructions: 5_000,
  severity: { min: 1, max: 10 },
  quantity: { min: 1, max: 10_000 },
  refills: { min: 0, max: 12 },
  symptoms: 50,
  prescriptions: 30,
} as const;

/** The longest transcript an extractor accepts (the scribe route's limit for a typed transcript). */
export const TRANSCRIPT_MAX_LENGTH = 100_000;
