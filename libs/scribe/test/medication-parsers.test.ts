import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeStrength, findDoses, findStrengths } from '../src/rules/parse/amounts.js';
import { readSupply } from '../src/rules/parse/directions.js';
import { findDurations } from '../src/rules/parse/duration.js';
import { describeFrequency, readFrequency } from '../src/rules/parse/frequency.js';
import { currentSeverity, findSeverities } from '../src/rules/parse/severity.js';
import { readNumberWords } from '../src/rules/text/number-words.js';
import { tokenize } from '../src/rules/text/tokens.js';
import { frequencyKey, genericMedicationName, strengthKey } from '../src/index.js';

const tokens = (text: string) => readNumberWords(tokenize(text));
const frequency = (text: string) => {
  const read = readFrequency(tokens(text));
  return read ? describeFrequency(read) : null;
};

describe('frequency', () => {
  it('charts the ways people say how often', () => {
    assert.equal(frequency('twice a day'), 'twice daily');
    assert.equal(frequency('two times a day'), 'twice daily');
    assert.equal(frequency('BID'), 'twice daily');
    assert.equal(frequency('b.i.d.'), 'twice daily');
    assert.equal(frequency('TID'), 'three times daily');
    assert.equal(frequency('three times a day with meals'), 'three times daily');
    assert.equal(frequency('four times daily'), 'four times daily');
    assert.equal(frequency('q8h'), 'every 8 hours');
    assert.equal(frequency('q 6 h'), 'every 6 hours');
    assert.equal(frequency('every eight hours'), 'every 8 hours');
    assert.equal(frequency('every four to six hours as needed'), 'every 4 to 6 hours as needed');
    assert.equal(frequency('q4-6h prn'), 'every 4 to 6 hours as needed');
    assert.equal(frequency('once a day'), 'once daily');
    assert.equal(frequency('twenty-one milligrams a day'), 'once daily');
    assert.equal(frequency('every other day'), 'every other day');
    assert.equal(frequency('once a week'), 'once weekly');
    assert.equal(frequency('five times a day'), '5 times daily');
  });

  it('combines a time of day and "as needed" with the interval', () => {
    assert.equal(frequency('once a day at bedtime'), 'at bedtime');
    assert.equal(frequency('at night'), 'at bedtime');
    assert.equal(frequency('every morning'), 'once daily in the morning');
    assert.equal(frequency('at bedtime as needed for the spasm'), 'at bedtime as needed');
    assert.equal(frequency('as needed'), 'as needed');
    assert.equal(frequency('every four hours while awake'), 'every 4 hours while awake');
    assert.equal(frequency('at the start of the headache, may repeat once after two hours'), 'as needed');
  });

  it('keeps the regimen said first: a later "every day" restates it', () => {
    assert.equal(frequency("two puffs twice daily, every day even when he's well"), 'twice daily');
  });

  it('finds no frequency where none was said', () => {
    assert.equal(frequency('one capsule with food'), null);
    assert.equal(frequency('thirty minutes before breakfast'), null);
  });

  it('compares frequencies by how often', () => {
    assert.equal(frequencyKey('every morning'), frequencyKey('once a day'));
    assert.equal(frequencyKey('at bedtime as needed'), 'daily prn');
    assert.notEqual(frequencyKey('every 8 hours'), frequencyKey('three times daily'));
    assert.equal(frequencyKey('nothing said'), null);
  });
});

describe('strength and dose', () => {
  const strengths = (text: string) => findStrengths(tokens(text)).map(describeStrength);
  const doses = (text: string) => {
    const said = tokens(text);
    return findDoses(said, findStrengths(said)).map((dose) => dose.text);
  };

  it('reads strengths with their units and what they are per', () => {
    assert.deepEqual(strengths('amoxicillin five hundred milligrams'), ['500 mg']);
    assert.deepEqual(strengths('four hundred milligrams per five millilitres'), ['400 mg/5 mL']);
    assert.deepEqual(strengths('160 mg/5 mL'), ['160 mg/5 mL']);
    assert.deepEqual(strengths('fifty micrograms per spray'), ['50 mcg/spray']);
    assert.deepEqual(strengths('zero point one percent ointment'), ['0.1%']);
    assert.deepEqual(strengths('one gram'), ['1 g']);
    assert.deepEqual(strengths('point six milligrams per kilo, so seven point two milligrams'), ['7.2 mg'], 'a weight-based rate is not a strength');
    assert.deepEqual(strengths('insulin one hundred units per millilitre'), ['100 units/mL']);
    assert.deepEqual(strengths('glargine ten units at bedtime'), [], 'units alone are how much to inject');
  });

  it('does not read a limit as a strength', () => {
    assert.deepEqual(strengths('one thousand milligrams, no more than three thousand milligrams a day'), ['1000 mg']);
  });

  it('reads doses: counts of units, volumes and topical amounts', () => {
    assert.deepEqual(doses('one capsule twice a day'), ['1 capsule']);
    assert.deepEqual(doses('two puffs'), ['2 puffs']);
    assert.deepEqual(doses('give seven and a half millilitres'), ['7.5 mL']);
    assert.deepEqual(doses('a single tablet by mouth'), ['1 tablet']);
    assert.deepEqual(doses('apply a thin layer'), ['a thin layer']);
    assert.deepEqual(doses('400 mg per 5 mL, 10 mL once daily'), ['10 mL']);
    assert.deepEqual(doses('glargine ten units at bedtime'), ['10 units']);
  });

  it('tells thirty tablets dispensed from eight tablets taken', () => {
    assert.deepEqual(doses('thirty tablets with three refills'), []);
    assert.deepEqual(readSupply(tokens('thirty tablets with three refills')), { quantity: 30, refills: 3 });
    assert.deepEqual(doses('eight tablets once daily'), ['8 tablets']);
    assert.deepEqual(readSupply(tokens('Dispense thirty, five refills.')), { quantity: 30, refills: 5 });
    assert.deepEqual(readSupply(tokens('#28, no refills')), { quantity: 28, refills: 0 });
  });

  it('compares strengths by amount: 1 g is 1000 mg, per-puff denominators aside', () => {
    assert.equal(strengthKey('1 g'), strengthKey('1000 mg'));
    assert.equal(strengthKey('90 mcg/puff'), strengthKey('ninety micrograms'));
    assert.notEqual(strengthKey('400 mg/5 mL'), strengthKey('400 mg'));
    assert.equal(strengthKey('not stated'), null);
  });

  it('names medications by generic, from brands and spoken variants', () => {
    assert.equal(genericMedicationName('Tylenol extra strength'), 'Acetaminophen');
    assert.equal(genericMedicationName('paracetamol 500 mg'), 'Acetaminophen');
    assert.equal(genericMedicationName('Augmentin'), 'Amoxicillin-clavulanate');
    assert.equal(genericMedicationName('amoxicillin/clavulanate 875 mg'), 'Amoxicillin-clavulanate');
    assert.equal(genericMedicationName('Flonase'), 'Fluticasone');
    assert.equal(genericMedicationName('Macrobid'), 'Nitrofurantoin');
    assert.equal(genericMedicationName('a glass of water'), null);
  });
});

describe('durations and severity', () => {
  const durations = (text: string) => findDurations(tokens(text)).map((duration) => duration.text);

  it('reads how long', () => {
    assert.deepEqual(durations('for about three days'), ['3 days']);
    assert.deepEqual(durations('for a couple of months'), ['2 months']);
    assert.deepEqual(durations('for a week'), ['1 week']);
    assert.deepEqual(durations('started two days ago'), ['2 days']);
    assert.deepEqual(durations('since Sunday'), ['since Sunday']);
    assert.deepEqual(durations('since last night'), ['since last night']);
    assert.deepEqual(durations('over the last month'), ['1 month']);
    assert.deepEqual(durations('for four to six weeks'), ['4 to 6 weeks']);
    assert.deepEqual(durations('for the pain'), []);
  });

  it('reads severity on the ten-point scale, the current one first', () => {
    const said = tokens('Ten out of ten at its worst, now maybe an eight.');
    assert.equal(currentSeverity(said, findSeverities(said, true)), 8);
    assert.deepEqual(findSeverities(tokens('like a six out of ten'), false).map((s) => s.value), [6]);
    assert.deepEqual(findSeverities(tokens('7/10'), false).map((s) => s.value), [7]);
    assert.deepEqual(findSeverities(tokens('maybe a seven'), false), [], 'a bare number needs a question about the scale');
    assert.deepEqual(findSeverities(tokens('maybe a seven'), true).map((s) => s.value), [7]);
    assert.deepEqual(findSeverities(tokens('a two week course'), true), []);
    assert.deepEqual(findSeverities(tokens('on a scale of one to ten'), true), []);
  });
});
