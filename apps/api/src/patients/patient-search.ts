import type { PatientSearch } from './patient-record.js';

type NameWords = Pick<PatientSearch, 'nameWords' | 'lastNameWords' | 'firstNameWords'>;

function wordsOf(text: string): string[] {
  return text.split(/[\s,]+/).filter((word) => word.length > 0);
}

/**
 * How the front desk types a name: "dupont", "Hélène Dupont", "Dupont Hélène", "dup hel", or
 * "Dupont, Hélène" (the chart's way: last name first). Without a comma every word must occur in
 * the first or the last name, so word order does not matter; with one, the words before it are
 * looked for in the last name and those after it in the first name.
 */
export function parseNameQuery(q: string | undefined): NameWords {
  if (q === undefined) return { nameWords: [], lastNameWords: [], firstNameWords: [] };
  const comma = q.indexOf(',');
  if (comma === -1) return { nameWords: wordsOf(q), lastNameWords: [], firstNameWords: [] };
  return { nameWords: [], lastNameWords: wordsOf(q.slice(0, comma)), firstNameWords: wordsOf(q.slice(comma + 1)) };
}

export function digitsOf(phone: string): string {
  return phone.replace(/\D/g, '');
}
