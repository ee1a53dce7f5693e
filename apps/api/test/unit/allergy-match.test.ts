// The allergy check's matching, on its own: no application, no database.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mixesScripts } from '../../src/common/fields/text.js';
import { findAllergyConflict, foldForMatching } from '../../src/records/prescriptions/allergy-match.js';

describe('the allergy check', () => {
  it('matches names either way, case-insensitively, as whole words', () => {
    assert.deepEqual(findAllergyConflict('Penicillin V potassium', ['penicillin']), { allergen: 'penicillin' });
    assert.deepEqual(findAllergyConflict('CODEINE', ['Codeine sulfate']), { allergen: 'Codeine sulfate' });
    assert.equal(findAllergyConflict('Albuterol sulfate HFA inhaler', ['Sulfa drugs (sulfonamide antibiotics)']), undefined);
    assert.equal(findAllergyConflict('Cetirizine', ['Penicillin', 'Peanuts']), undefined);
  });

  it('matches drug classes: penicillins, sulfonamides, cephalosporins, NSAIDs', () => {
    assert.deepEqual(findAllergyConflict('Amoxicillin-clavulanate', ['Penicillin']), { allergen: 'Penicillin', drugClass: 'penicillins' });
    assert.deepEqual(findAllergyConflict('Ampicillin', ['Amoxicillin']), { allergen: 'Amoxicillin', drugClass: 'penicillins' });
    assert.deepEqual(findAllergyConflict('Sulfamethoxazole-trimethoprim', ['Sulfa drugs']), { allergen: 'Sulfa drugs', drugClass: 'sulfonamides' });
    assert.deepEqual(findAllergyConflict('Cefalexin', ['Cephalosporins']), { allergen: 'Cephalosporins', drugClass: 'cephalosporins' });
    assert.deepEqual(findAllergyConflict('Naproxen', ['Ibuprofen']), { allergen: 'Ibuprofen', drugClass: 'NSAIDs' });
    assert.equal(findAllergyConflict('Cefdinir', ['Penicillin']), undefined, 'cross-class reactions are left to the clinician');
  });

  it('sees through invisible characters, compatibility forms, accents and case', () => {
    for (const spelling of ['Amoxi\u00adcillin', 'Amoxi\u200bcillin', 'Amoxi\u200dcillin', 'ＡＭＯＸＩＣＩＬＬＩＮ', 'Àmoxicillin']) {
      assert.deepEqual(findAllergyConflict(spelling, ['Penicillin']), { allergen: 'Penicillin', drugClass: 'penicillins' }, spelling);
    }
    assert.equal(foldForMatching('Pénicilline\u00ad'), 'penicilline');
  });

  it('knows the French and Spanish names of the common classes', () => {
    assert.deepEqual(findAllergyConflict('Pénicilline', ['Penicillin']), { allergen: 'Penicillin', drugClass: 'penicillins' });
    assert.deepEqual(findAllergyConflict('Amoxicilina', ['penicilina']), { allergen: 'penicilina', drugClass: 'penicillins' });
    assert.deepEqual(findAllergyConflict('Ibuprofène', ['AINS']), { allergen: 'AINS', drugClass: 'NSAIDs' });
    assert.deepEqual(findAllergyConflict('Azitromicina', ['Macrolides']), { allergen: 'Macrolides', drugClass: 'macrolides' });
    assert.deepEqual(findAllergyConflict('Cefalexina', ['céphalosporines']), { allergen: 'céphalosporines', drugClass: 'cephalosporins' });
  });

  it('tells names that mix scripts, which the API refuses', () => {
    assert.equal(mixesScripts('Am\u043exicillin'), true, 'a Cyrillic o in a Latin name');
    assert.equal(mixesScripts('Αmoxicillin'), true, 'a Greek capital alpha');
    assert.equal(mixesScripts('Amoxicillin 500 mg (oral)'), false);
    assert.equal(mixesScripts('Pénicilline'), false);
    assert.equal(mixesScripts('Амоксициллин'), false, 'one script throughout is a name, if not one the check knows');
    assert.equal(mixesScripts('ペニシリン系'), false, 'Japanese mixes its own scripts');
  });
});
