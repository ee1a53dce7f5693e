// Who is speaking, from the label a transcription or a typist puts before a turn ("Clinician:",
// "Dr. Reyes:", "Mother:"). What a speaker says weighs differently: a patient's medication is one
// they take; a clinician's, with a dose, is a prescription.

export type SpeakerRole = 'clinician' | 'patient' | 'family' | 'narrator';

const CLINICIAN = new Set([
  'doctor', 'dr', 'clinician', 'physician', 'nurse', 'np', 'pa', 'provider', 'practitioner', 'surgeon', 'md', 'rn', 'gp',
  'midwife', 'therapist', 'counsellor', 'counselor', 'pharmacist', 'resident', 'attending', 'consultant', 'registrar', 'paramedic',
]);
const PATIENT = new Set(['patient', 'pt', 'child', 'client', 'caller']);
const FAMILY = new Set([
  'mother', 'mom', 'mum', 'father', 'dad', 'parent', 'wife', 'husband', 'partner', 'daughter', 'son', 'caregiver', 'carer',
  'guardian', 'sister', 'brother', 'grandmother', 'grandfather', 'grandma', 'grandpa', 'spouse', 'family', 'relative', 'friend',
]);

/** The role of a speaker label, or null when the label is not a speaker's. */
export function speakerRole(label: string): SpeakerRole | null {
  const words = label.toLowerCase().split(/[\s.]+/).filter(Boolean);
  if (words.length === 0 || words.length > 4) return null;
  for (const word of words) {
    if (CLINICIAN.has(word) || /(?:ist|ician)$/.test(word)) return 'clinician';
    if (FAMILY.has(word)) return 'family';
    if (PATIENT.has(word)) return 'patient';
  }
  // A name ("Sam:", "Maria Lopez:"): in a visit, the one who is not the clinician. Longer
  // labels are headings this reader does not know, not people.
  return words.length <= 2 ? 'patient' : null;
}

/** Patients and those speaking for them report symptoms and the medications already taken. */
export const speaksForPatient = (role: SpeakerRole): boolean => role === 'patient' || role === 'family';
