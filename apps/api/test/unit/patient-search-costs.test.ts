// How a search reads a box of last and first names, chosen from the survey's counts alone. The
// figures are those the survey gave on the benchmark's 1M database (docs/performance.md), where each
// way was timed: the cheapest is chosen.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bothNamesReading } from '../../src/patients/patient-search.candidates.js';

const REGISTERED = 1_000_200;
const box = (last: [names: number, patients: number], first: [names: number, patients: number]) => ({
  last: { words: ['last'], count: last[0] },
  first: { words: ['first'], count: first[0] },
  lastNamePatients: last[1],
  firstNamePatients: first[1],
});
const readingOf = (last: [number, number], first: [number, number]) => bothNamesReading(box(last, first), { take: 51, registered: REGISTERED });

describe('reading a box of last and first names', () => {
  it('looks each pair up when few names are common ones ("Smith, John")', () => {
    assert.equal(readingOf([2, 20_000], [1, 30_000]), 'pairs');
  });

  it("gathers a first name's carriers rather than descend once per last name (\"Williams, ste\": 499 last names, Steven)", () => {
    // Timed: 499 pair descents 7 ms, the Stevens in last-name order 1.5 ms.
    assert.equal(readingOf([499, 25_064], [1, 6_911]), 'grouped');
  });

  it('never counts on the patients of last names too many to count ("Inés Smith": the first 501 of 1,121 hold 1,387)', () => {
    // Smith's own 14,483 patients were not among those counted: walking every Smith read 17,878 entries.
    assert.equal(readingOf([501, 1_387], [1, 3_612]), 'grouped');
  });

  it('walks the last names in order when their patients are few beside the first names\' ("Tanaka, ann": 45 first names)', () => {
    // Timed: the 2,149 Tanakas in order 2.0 ms, the 13,005 carriers of the 45 first names 2.9 ms, 14,985 pairs 24.5 ms.
    assert.equal(readingOf([333, 2_149], [45, 12_997]), 'ordered');
  });
});
