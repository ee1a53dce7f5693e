import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { canonicalSymptomName, genericMedicationName } from '../src/index.js';
import { workspaceRoot } from './support/paths.js';

// The medication lexicon covers every drug the development seed prescribes, and the symptom
// lexicon every symptom it charts: a newcomer's first transcripts use the seed's words. The seed
// is read from the db library's build (the test target builds it first).

interface SeedTemplate {
  medicationName: string;
  alternative?: SeedTemplate;
}
interface SeedScenario {
  symptoms: readonly { name: string; bodySite: string | null }[];
  prescriptions: readonly SeedTemplate[];
}

async function seedScenarios(): Promise<readonly SeedScenario[]> {
  const file = path.join(workspaceRoot(), 'libs/db/dist/seed/catalogue/visits.js');
  const module = (await import(pathToFileURL(file).href)) as { VISIT_SCENARIOS: readonly SeedScenario[] };
  return module.VISIT_SCENARIOS;
}

describe('lexicons against the development seed', () => {
  it('names every seeded medication by a generic the lexicon knows', async () => {
    const unknown: string[] = [];
    for (const scenario of await seedScenarios()) {
      for (const template of scenario.prescriptions.flatMap((p) => [p, ...(p.alternative ? [p.alternative] : [])])) {
        if (!genericMedicationName(template.medicationName)) unknown.push(template.medicationName);
      }
    }
    assert.deepEqual(unknown, []);
  });

  it('recognises every seeded symptom, said with its body site', async () => {
    const unknown = new Set<string>();
    for (const scenario of await seedScenarios()) {
      for (const { name, bodySite } of scenario.symptoms) {
        // "Redness" alone is too common a word to chart; "redness on my forearms" is a symptom.
        const said = bodySite ? `${name} on my ${bodySite}` : name;
        if (!isRecognised(said)) unknown.add(said);
      }
    }
    assert.deepEqual([...unknown], []);
  });
});

/** The engine charts a symptom from the words: under another name, or under the same one. */
function isRecognised(said: string): boolean {
  const charted = canonicalSymptomName(said);
  return charted !== said.trim() || canonicalSymptomName(`I have ${said.toLowerCase()}`) !== `I have ${said.toLowerCase()}`;
}
