// The shared kit's pure pieces, on their own: keyset cursors, instants, JSON depth, text rules.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { decodeCursor, encodeCursor, instantKeyAfter, instantKeyOf, nameKeyAfter, nameKeyOf } from '../../src/common/cursors.js';
import { InvalidCursor } from '../../src/common/domain-error.js';
import { parseInstant } from '../../src/common/fields/instant.js';
import { OptionalProse, RequiredText } from '../../src/common/fields/text.js';
import { jsonDepthExceeds } from '../../src/common/validation.js';

const ID = '3f2b8c1e-6a4d-4e5f-9b7a-1c2d3e4f5a6b';
const cursorOf = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');

describe('keyset cursors', () => {
  it('give back the key they were made from', () => {
    const at = new Date('2026-11-25T09:30:00.123Z');
    assert.deepEqual(instantKeyAfter(encodeCursor(instantKeyOf(at, ID))), [at, ID]);
    assert.deepEqual(nameKeyAfter(encodeCursor(nameKeyOf({ lastName: 'Dupont', firstName: 'Hélène', id: ID }))), ['Dupont', 'Hélène', ID]);
    assert.equal(instantKeyAfter(undefined), undefined);
  });

  it('refuse what this API never made: wrong shape, malformed uuid, NUL, out-of-range instants', () => {
    const refused = [
      'not base64 json',
      cursorOf([1, 2, 3]),
      cursorOf(['2026-11-25T09:30:00.123Z', 'not-a-uuid']),
      cursorOf(['0000-01-01T00:00:00.000Z', ID]),
      cursorOf(['2026-13-45T09:30:00.000Z', ID]),
      cursorOf(['2026-11-25T09:30:00Z', ID]),
      cursorOf({ at: 1 }),
    ];
    for (const cursor of refused) assert.throws(() => instantKeyAfter(cursor), InvalidCursor, cursor);
    assert.throws(() => nameKeyAfter(cursorOf(['Du\u0000pont', 'Hélène', ID])), InvalidCursor);
    assert.throws(() => nameKeyAfter(cursorOf(['x'.repeat(256), 'Hélène', ID])), InvalidCursor);
    assert.throws(() => nameKeyAfter(cursorOf(['\ud800', 'Hélène', ID])), InvalidCursor);
    assert.throws(() => decodeCursor(cursorOf(['a']), 2), InvalidCursor);
  });
});

describe('instants', () => {
  it('need an offset, a real calendar moment, and a year PostgreSQL holds', () => {
    assert.equal(parseInstant('2026-12-01T09:30:00Z')?.toISOString(), '2026-12-01T09:30:00.000Z');
    assert.equal(parseInstant('2026-12-01T10:30:00+01:00')?.toISOString(), '2026-12-01T09:30:00.000Z');
    assert.equal(parseInstant('0001-01-01T00:00:00Z')?.toISOString(), '0001-01-01T00:00:00.000Z');
    for (const text of ['2026-12-01T09:30:00', '2026-02-30T09:00:00Z', '2026-12-01T25:00:00Z', '0000-01-01T00:00:00Z', '2026-12-01']) {
      assert.equal(parseInstant(text), undefined, text);
    }
  });
});

describe('JSON depth', () => {
  it('is counted without parsing, brackets inside strings left alone', () => {
    assert.equal(jsonDepthExceeds('{"a":[{"b":1}]}', 3), false);
    assert.equal(jsonDepthExceeds('{"a":[{"b":[1]}]}', 3), true);
    assert.equal(jsonDepthExceeds(`{"a":"${'['.repeat(100)}"}`, 3), false);
    assert.equal(jsonDepthExceeds(`{"a":"\\"[[[[["}`, 1), false);
    assert.equal(jsonDepthExceeds('['.repeat(10_000) + ']'.repeat(10_000)), true);
  });
});

class Sample {
  @RequiredText()
  name!: string;

  @OptionalProse(1000)
  notes?: string | null;
}

describe('the text rule', () => {
  const check = (body: object) => {
    const sample = plainToInstance(Sample, body);
    return { sample, fields: validateSync(sample).map((error) => error.property) };
  };

  it('normalises to NFC and trims', () => {
    const { sample, fields } = check({ name: '  Hele\u0300ne  ' });
    assert.deepEqual(fields, []);
    assert.equal(sample.name, 'Hel\u00e8ne');
  });

  it('refuses control characters in a name, keeps tabs and line breaks in prose', () => {
    assert.deepEqual(check({ name: 'Du\u0000pont' }).fields, ['name']);
    assert.deepEqual(check({ name: 'Du\npont' }).fields, ['name']);
    assert.deepEqual(check({ name: 'Du\u0085pont' }).fields, ['name'], 'a C1 control');
    assert.deepEqual(check({ name: 'Dupont', notes: 'line one\n\tline two\r\n' }).fields, []);
    assert.deepEqual(check({ name: 'Dupont', notes: 'bell\u0007' }).fields, ['notes']);
    assert.deepEqual(check({ name: 'Dupont', notes: 'broken \ud800' }).fields, ['notes']);
  });
});
