import type { ExtractedSymptom } from '../../extraction/extraction.js';
import { EXTRACTION_LIMITS } from '../../extraction/limits.js';
import { clip } from '../text/clip.js';
import type { SymptomFinding } from './find-symptoms.js';

// From findings to chart rows: one row per symptom, in the order first said, with the attributes
// of every mention merged. A general symptom gives way to a narrower one ("Cough" to "Dry
// cough"), and pain said without a place joins the placed pain it was about.

export interface ChartedSymptoms {
  symptoms: ExtractedSymptom[];
  /** Symptoms asked about and denied, for the history's pertinent negatives. */
  denied: string[];
}

interface Row {
  finding: SymptomFinding;
  notes: Set<string>;
  certain: boolean;
}

function absorb(into: Row, from: SymptomFinding): void {
  into.finding.place ??= from.place;
  into.finding.severity ??= from.severity;
  into.finding.duration ??= from.duration;
  for (const note of from.notes) if (note !== 'possible') into.notes.add(note);
  if (!from.notes.includes('possible')) into.certain = true;
}

/**
 * What the patient said outright outweighs what an answer implied: "Some soiling, yes. No
 * vomiting." denies the vomiting the question asked about, although "yes" confirmed the question.
 */
function outweighed(finding: SymptomFinding, findings: readonly SymptomFinding[]): boolean {
  const name = finding.name.toLowerCase();
  return !finding.said && findings.some((other) => other.said && !other.present && other.name.toLowerCase() === name) && !findings.some((other) => other.said && other.present && other.name.toLowerCase() === name);
}

export function chartSymptoms(all: readonly SymptomFinding[]): ChartedSymptoms {
  const findings = all.filter((finding) => !(finding.present && outweighed(finding, all)));
  const said = new Set(findings.filter((finding) => finding.present).map((finding) => finding.name.toLowerCase()));
  const rows = new Map<string, Row>();
  for (const finding of [...findings].filter((f) => f.present).sort((a, b) => a.order - b.order)) {
    const key = finding.name.toLowerCase();
    const row = rows.get(key);
    if (row) absorb(row, finding);
    else {
      const created: Row = { finding: { ...finding }, notes: new Set(), certain: false };
      absorb(created, finding);
      rows.set(key, created);
    }
  }
  for (const [key, row] of rows) {
    const general = row.finding.narrows ? rows.get(row.finding.narrows.toLowerCase()) : undefined;
    if (general && general !== row) {
      absorb(row, general.finding);
      rows.delete(row.finding.narrows?.toLowerCase() ?? key);
    }
  }
  const pain = rows.get('pain');
  const placedPain = [...rows.values()].find((row) => row !== pain && row.finding.painLike && row.finding.place);
  if (pain && placedPain) {
    absorb(placedPain, pain.finding);
    rows.delete('pain');
  }

  const symptoms = [...rows.values()].slice(0, EXTRACTION_LIMITS.symptoms).map(({ finding, notes, certain }): ExtractedSymptom => {
    const allNotes = [...notes, ...(certain ? [] : ['possible'])];
    return {
      symptomName: clip(finding.name, EXTRACTION_LIMITS.shortText),
      bodySite: finding.place ? clip(finding.place.bodySite, EXTRACTION_LIMITS.shortText) : null,
      severity: finding.severity,
      duration: finding.duration ? clip(finding.duration, EXTRACTION_LIMITS.shortText) : null,
      notes: allNotes.length > 0 ? clip(allNotes.join('; '), EXTRACTION_LIMITS.longText) : null,
    };
  });
  const denied = [...new Set(findings.filter((f) => !f.present && !said.has(f.name.toLowerCase())).map((f) => f.name))];
  return { symptoms, denied };
}
