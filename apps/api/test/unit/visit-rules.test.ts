// The visit's pure rules, on their own: the appointment state machine and the body mass index.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { APPOINTMENT_ACTIONS } from '../../src/appointments/appointment-transitions.js';
import { BMI_RANGE, bodyMassIndex } from '../../src/vitals/vital-signs-record.js';

describe('appointment moves', () => {
  it('follow scheduled → checked_in → in_progress → completed, with cancel and no-show early on', () => {
    const moves = Object.fromEntries(Object.entries(APPOINTMENT_ACTIONS).map(([action, move]) => [action, [[...move.from].sort().join('|'), move.to]]));
    assert.deepEqual(moves, {
      'check-in': ['scheduled', 'checked_in'],
      start: ['checked_in', 'in_progress'],
      complete: ['in_progress', 'completed'],
      cancel: ['checked_in|scheduled', 'cancelled'],
      'no-show': ['scheduled', 'no_show'],
    });
  });

  it('never leave a final status', () => {
    for (const move of Object.values(APPOINTMENT_ACTIONS)) {
      for (const final of ['completed', 'cancelled', 'no_show']) assert.ok(!(move.from as readonly string[]).includes(final));
    }
  });
});

describe('body mass index', () => {
  it('is kg/m² to one decimal', () => {
    assert.equal(bodyMassIndex(70, 175), 22.9);
    assert.equal(bodyMassIndex(3.4, 50), 13.6);
  });

  it('has plausible bounds', () => {
    assert.ok(bodyMassIndex(70, 175) > BMI_RANGE.min && bodyMassIndex(70, 175) < BMI_RANGE.max);
    assert.ok(bodyMassIndex(70, 17.5) > BMI_RANGE.max, 'height typed in decimetres');
  });
});
