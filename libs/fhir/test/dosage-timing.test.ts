// Structured timing is given only where the frequency's words say it for certain.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { courseDuration, structuredFrequency } from '../src/index.js';

describe('structuredFrequency', () => {
  it('reads the common ways a frequency is written', () => {
    const cases: [string, ReturnType<typeof structuredFrequency>][] = [
      ['once daily', { repeat: { frequency: 1, period: 1, periodUnit: 'd' } }],
      ['Daily', { repeat: { frequency: 1, period: 1, periodUnit: 'd' } }],
      ['QD', { repeat: { frequency: 1, period: 1, periodUnit: 'd' } }],
      ['twice daily', { repeat: { frequency: 2, period: 1, periodUnit: 'd' } }],
      ['BID', { repeat: { frequency: 2, period: 1, periodUnit: 'd' } }],
      ['2 times a day', { repeat: { frequency: 2, period: 1, periodUnit: 'd' } }],
      ['TID', { repeat: { frequency: 3, period: 1, periodUnit: 'd' } }],
      ['three times daily', { repeat: { frequency: 3, period: 1, periodUnit: 'd' } }],
      ['QID', { repeat: { frequency: 4, period: 1, periodUnit: 'd' } }],
      ['four times daily.', { repeat: { frequency: 4, period: 1, periodUnit: 'd' } }],
      ['q8h', { repeat: { frequency: 1, period: 8, periodUnit: 'h' } }],
      ['Q 6 H', { repeat: { frequency: 1, period: 6, periodUnit: 'h' } }],
      ['every 12 hours', { repeat: { frequency: 1, period: 12, periodUnit: 'h' } }],
      ['every 4 to 6 hours', { repeat: { frequency: 1, period: 4, periodMax: 6, periodUnit: 'h' } }],
      ['q4-6h', { repeat: { frequency: 1, period: 4, periodMax: 6, periodUnit: 'h' } }],
      ['at bedtime', { repeat: { frequency: 1, period: 1, periodUnit: 'd', when: ['HS'] } }],
      ['once daily at bedtime', { repeat: { frequency: 1, period: 1, periodUnit: 'd', when: ['HS'] } }],
      ['once daily before breakfast', { repeat: { frequency: 1, period: 1, periodUnit: 'd', when: ['ACM'] } }],
      ['once daily in the morning', { repeat: { frequency: 1, period: 1, periodUnit: 'd', when: ['MORN'] } }],
      ['nightly', { repeat: { frequency: 1, period: 1, periodUnit: 'd', when: ['NIGHT'] } }],
      ['twice daily with meals', { repeat: { frequency: 2, period: 1, periodUnit: 'd' }, additionalInstruction: 'with meals' }],
      ['every 8 hours with food', { repeat: { frequency: 1, period: 8, periodUnit: 'h' }, additionalInstruction: 'with food' }],
      ['as needed', { asNeeded: { boolean: true } }],
      ['PRN', { asNeeded: { boolean: true } }],
      ['every 6 hours as needed', { repeat: { frequency: 1, period: 6, periodUnit: 'h' }, asNeeded: { boolean: true } }],
      ['three times daily as needed for Cough', { repeat: { frequency: 3, period: 1, periodUnit: 'd' }, asNeeded: { concept: { text: 'Cough' } } }],
      ['at bedtime as needed', { repeat: { frequency: 1, period: 1, periodUnit: 'd', when: ['HS'] }, asNeeded: { boolean: true } }],
    ];
    for (const [words, expected] of cases) assert.deepEqual(structuredFrequency(words), expected, words);
  });

  it('gives nothing for what it does not understand whole', () => {
    for (const words of [
      'every 4 hours while awake',
      'at migraine onset; may repeat once after 2 hours',
      'once nightly, 1 hour before bedtime',
      'as needed, up to every 4 hours',
      'every 0 hours',
      'every 6 to 4 hours',
      'q8h before breakfast',
      'OD',
      'with food',
      '',
      'daily daily',
    ]) {
      assert.equal(structuredFrequency(words), null, words);
    }
  });
});

describe('courseDuration', () => {
  it('reads days, weeks and months as UCUM durations', () => {
    assert.deepEqual(courseDuration('7 days'), { value: 7, unit: 'days', system: 'http://unitsofmeasure.org', code: 'd' });
    assert.deepEqual(courseDuration('1 Week'), { value: 1, unit: 'weeks', system: 'http://unitsofmeasure.org', code: 'wk' });
    assert.deepEqual(courseDuration(' 3  months '), { value: 3, unit: 'months', system: 'http://unitsofmeasure.org', code: 'mo' });
    for (const words of [null, '', '0 days', 'as long as needed', 'until finished', '7 days then stop', '1.5 weeks']) assert.equal(courseDuration(words), null, String(words));
  });
});
