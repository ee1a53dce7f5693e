// Which recorded allergy, if any, a medication conflicts with. A name matches either way, as
// whole words and case-insensitively ("Penicillin" matches "Penicillin V potassium", "Amoxicillin
// oral suspension" matches an allergy to "amoxicillin"), and through DRUG_CLASSES: an allergy
// that names a class, or any member of it, conflicts with every member of that class.
//
// DRUG_CLASSES is deliberately small: the classes whose cross-reactivity a primary-care clinic
// meets every week, with the French and Spanish spellings of the names its patients bring. It is
// a safety net for typing a prescription, not a drug-interaction database; cross-class reactions
// (penicillin ↔ cephalosporins, a few percent) are left to the clinician. Names are folded single
// words (foldForMatching); a medication or allergy matches a class when one of its words is an
// alias or a member.
//
// Both sides are compared folded, so spelling tricks do not slip past: compatibility forms (NFKC:
// full-width letters, ligatures), invisible format characters (soft hyphen, zero-width space),
// accents and case all vanish. Names that mix scripts (a Cyrillic о inside a Latin name) are
// refused at the door (SingleScript, common/fields/text.ts), since folding cannot map them.

export interface DrugClass {
  /** How the class is named in an allergy list ("penicillin allergy", "sulfa drugs"). */
  aliases: readonly string[];
  /** Generic names of its members. */
  members: readonly string[];
}

export const DRUG_CLASSES = {
  penicillins: {
    aliases: ['penicillins', 'penicillin', 'penicillines', 'penicilline', 'penicilinas', 'penicilina'],
    members: [
      'penicillin', 'amoxicillin', 'ampicillin', 'dicloxacillin', 'nafcillin', 'oxacillin', 'piperacillin',
      // French, Spanish
      'penicilline', 'amoxicilline', 'ampicilline', 'penicilina', 'amoxicilina', 'ampicilina',
    ],
  },
  cephalosporins: {
    aliases: ['cephalosporin', 'cephalosporins', 'cephalosporine', 'cephalosporines', 'cefalosporina', 'cefalosporinas'],
    members: [
      'cefalexin', 'cephalexin', 'cefadroxil', 'cefazolin', 'cefuroxime', 'cefdinir', 'cefpodoxime', 'cefixime', 'ceftriaxone',
      'cefalexine', 'cefalexina', 'cefuroxima', 'ceftriaxona',
    ],
  },
  sulfonamides: {
    aliases: ['sulfa', 'sulfonamide', 'sulfonamides', 'sulfamides', 'sulfamide', 'sulfonamidas', 'sulfamidas'],
    members: ['sulfamethoxazole', 'sulfadiazine', 'sulfasalazine', 'sulfisoxazole', 'sulfametoxazol', 'sulfadiazina', 'sulfasalazina'],
  },
  NSAIDs: {
    aliases: ['nsaid', 'nsaids', 'ains', 'aine', 'aines'],
    members: [
      'ibuprofen', 'naproxen', 'diclofenac', 'ketorolac', 'aspirin', 'celecoxib', 'meloxicam', 'indomethacin',
      'ibuprofene', 'ibuprofeno', 'naproxene', 'naproxeno', 'aspirine', 'aspirina', 'diclofenaco', 'ketorolaco',
    ],
  },
  macrolides: {
    aliases: ['macrolide', 'macrolides', 'macrolidos'],
    members: ['azithromycin', 'clarithromycin', 'erythromycin', 'azithromycine', 'clarithromycine', 'erythromycine', 'azitromicina', 'claritromicina', 'eritromicina'],
  },
  tetracyclines: {
    aliases: ['tetracyclines', 'tetraciclinas'],
    members: ['tetracycline', 'doxycycline', 'minocycline', 'tetraciclina', 'doxiciclina', 'minociclina'],
  },
} as const satisfies Record<string, DrugClass>;

export interface AllergyMatch {
  allergen: string;
  /** The class through which it matched; absent for a match by name. */
  drugClass?: string;
}

/**
 * The form two names are compared in: NFKC, without format characters (\p{Cf}: soft hyphen,
 * zero-width space and joiners, bidi marks), without accents, in lower case.
 */
export function foldForMatching(text: string): string {
  return text.normalize('NFKC').replace(/\p{Cf}/gu, '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function wordsOf(text: string): string[] {
  return foldForMatching(text).split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);
}

/** True when `inner`'s words occur, in order and adjacent, among `outer`'s. */
function containsWords(outer: string[], inner: string[]): boolean {
  if (inner.length === 0 || inner.length > outer.length) return false;
  return outer.some((_, start) => inner.every((word, offset) => outer[start + offset] === word));
}

function classesOf(words: string[]): string[] {
  return Object.entries(DRUG_CLASSES)
    .filter(([, drugClass]) => words.some((word) => (drugClass.aliases as readonly string[]).includes(word) || (drugClass.members as readonly string[]).includes(word)))
    .map(([name]) => name);
}

/** The first of the patient's allergens the medication conflicts with, or undefined. */
export function findAllergyConflict(medicationName: string, allergens: readonly string[]): AllergyMatch | undefined {
  const medication = wordsOf(medicationName);
  const medicationClasses = classesOf(medication);
  for (const allergen of allergens) {
    const words = wordsOf(allergen);
    if (containsWords(medication, words) || containsWords(words, medication)) return { allergen };
    const shared = classesOf(words).find((drugClass) => medicationClasses.includes(drugClass));
    if (shared) return { allergen, drugClass: shared };
  }
  return undefined;
}
