// The parts of a visit note that a dictation names out loud ("Assessment:", "Plan:") and that a
// conversation moves through without naming them.

export type Section =
  | 'chief_complaint'
  | 'history'
  | 'medications'
  | 'allergies'
  | 'vitals'
  | 'exam'
  | 'assessment'
  | 'plan'
  | 'follow_up'
  /** Past, family and social history: nothing there is a current symptom or a new prescription. */
  | 'background';

const HEADERS: Record<string, Section> = {
  'chief complaint': 'chief_complaint',
  cc: 'chief_complaint',
  'reason for visit': 'chief_complaint',
  'presenting complaint': 'chief_complaint',
  'history of present illness': 'history',
  'history of presenting complaint': 'history',
  hpi: 'history',
  history: 'history',
  subjective: 'history',
  'review of systems': 'history',
  ros: 'history',
  medications: 'medications',
  'current medications': 'medications',
  meds: 'medications',
  allergies: 'allergies',
  vitals: 'vitals',
  'vital signs': 'vitals',
  exam: 'exam',
  examination: 'exam',
  'physical exam': 'exam',
  'physical examination': 'exam',
  objective: 'exam',
  assessment: 'assessment',
  impression: 'assessment',
  diagnosis: 'assessment',
  diagnoses: 'assessment',
  'assessment and plan': 'assessment',
  plan: 'plan',
  'treatment plan': 'plan',
  'follow-up': 'follow_up',
  'follow up': 'follow_up',
  followup: 'follow_up',
  disposition: 'follow_up',
  'past medical history': 'background',
  'medical history': 'background',
  'past history': 'background',
  pmh: 'background',
  'surgical history': 'background',
  'social history': 'background',
  'family history': 'background',
  note: 'background',
  notes: 'background',
};

/** The section a label names ("History of present illness"), or null. */
export function sectionHeader(label: string): Section | null {
  return HEADERS[label.trim().toLowerCase().replace(/\s+/g, ' ')] ?? null;
}

/** Sections whose sentences report what the patient has (as opposed to findings, decisions and lists). */
export const REPORTING_SECTIONS: ReadonlySet<Section> = new Set(['chief_complaint', 'history']);
