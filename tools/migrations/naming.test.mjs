import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { namingProblems, parseTimestamp } from './lib/naming.mjs';

const now = new Date('2024-06-01T12:00:00Z');
const check = (name, options = {}) => namingProblems(name, { now, latestOnBase: '20240215120000_initial_schema', ...options });

describe('migration names', () => {
  it('accepts the strategy document examples', () => {
    for (const name of ['20240216140000_add_patient_email_index', '20240217100000_add_vital_signs_table', '20240218090000_rename_provider_to_user', '20240219110000_add_transcription_status']) {
      assert.deepEqual(check(name), [], name);
    }
  });

  it('requires a timestamp, an underscore and a description', () => {
    assert.match(check('add_patient_email')[0], /YYYYMMDDHHMMSS_description/);
    assert.match(check('2024021614000_add_x')[0], /YYYYMMDDHHMMSS_description/);
  });

  it('requires a real date and time', () => {
    assert.match(check('20240230120000_add_x').join(), /not a real date/);
    assert.match(check('20240216250000_add_x').join(), /not a real date/);
    assert.match(check('20240216126100_add_x').join(), /not a real date/);
    assert.equal(parseTimestamp('20240229235959')?.toISOString(), '2024-02-29T23:59:59.000Z');
  });

  it('refuses a timestamp in the future (timestamps are UTC)', () => {
    assert.match(check('20240601120001_add_x').join(), /in the future/);
    assert.deepEqual(check('20240601120000_add_x'), []);
  });

  it('must sort after the newest migration on the base', () => {
    assert.match(check('20240215120000_add_x').join(), /later than the newest migration on the base/);
    assert.match(check('20240101000000_add_x').join(), /later than the newest migration on the base/);
    assert.deepEqual(check('20240101000000_add_x', { latestOnBase: undefined }), []);
  });

  it('wants snake_case starting with add_, remove_, update_, rename_ or create_', () => {
    assert.match(check('20240301000000_AddPatientEmail').join(), /snake_case/);
    assert.match(check('20240301000000_add__patient').join(), /snake_case/);
    assert.match(check('20240301000000_add-patient').join(), /snake_case/);
    assert.match(check('20240301000000_patient_email').join(), /must start with one of add_, remove_, update_, rename_, create_/);
    assert.match(check('20240301000000_drop_patient_email').join(), /must start with/);
    assert.deepEqual(check('20240301000000_initial_schema', { exemptFromVerb: true }), []);
  });

  it('keeps the description under 50 characters', () => {
    const description = `add_${'x'.repeat(45)}`; // 49 characters
    assert.deepEqual(check(`20240301000000_${description}`), []);
    assert.match(check(`20240301000000_${description}x`).join(), /50 characters; keep it under 50/);
  });
});
