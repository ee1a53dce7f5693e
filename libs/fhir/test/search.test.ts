// Search parameters → typed criteria in the chart's vocabulary, or a 400 OperationOutcome naming
// every problem. Nothing is silently ignored.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { type FhirSearch, FhirOutcomeError, parseEverything, parseSearch, readIdOrNotFound, type SearchableType } from '../src/index.js';
import { clinician, uuid } from './fixtures.js';

const PATIENT = uuid();

function search<Type extends SearchableType>(type: Type, query: string): FhirSearch<Type> {
  return parseSearch(type, query, clinician);
}

/** The problems of a refused search, as the OperationOutcome states them. */
function refused(type: SearchableType, query: string, status = 400): string[] {
  try {
    parseSearch(type, query, clinician);
  } catch (error) {
    assert.ok(error instanceof FhirOutcomeError, String(error));
    assert.equal(error.status, status, JSON.stringify(error.outcome));
    assert.equal(error.outcome.resourceType, 'OperationOutcome');
    return error.outcome.issue.map((issue) => issue.details?.text ?? '');
  }
  assert.fail(`${type}?${query} was accepted`);
}

const utc = (iso: string) => new Date(iso);

describe('Patient search', () => {
  it('reads names, birth date, gender and telecom into criteria, archived patients left out', () => {
    const { criteria, matchesNothing, count } = search('Patient', 'name=Zo%C3%AB,Obr&family=O%27Brien&given=Zo&birthdate=1984-02&gender=female,other&telecom=phone|617-555-0142');
    assert.deepEqual(criteria, {
      name: ['Zoë', 'Obr'],
      family: ["O'Brien"],
      given: ['Zo'],
      birthDate: { from: utc('1984-02-01T00:00:00Z'), before: utc('1984-03-01T00:00:00Z') },
      sex: ['female', 'other'],
      telecom: [{ system: 'phone', digits: '6175550142' }],
      archived: 'exclude',
    });
    assert.equal(matchesNothing, false);
    assert.equal(count, 50);
  });

  it('asks for archived patients with active', () => {
    assert.equal(search('Patient', 'active=false').criteria.archived, 'only');
    assert.equal(search('Patient', 'active=true').criteria.archived, 'exclude');
    assert.equal(search('Patient', 'active=true,false').criteria.archived, 'include');
    assert.equal(search('Patient', '').criteria.archived, 'exclude');
  });

  it('tells emails from phone numbers, and knows a fax number matches nothing', () => {
    assert.deepEqual(search('Patient', 'telecom=Zoe.OBrien@Example.org').criteria.telecom, [{ system: 'email', address: 'zoe.obrien@example.org' }]);
    assert.deepEqual(search('Patient', 'telecom=email|a@b.org,%2B1%20617%20555%200142').criteria.telecom, [
      { system: 'email', address: 'a@b.org' },
      { system: 'phone', digits: '16175550142' },
    ]);
    assert.equal(search('Patient', 'telecom=fax|6175550142').matchesNothing, true);
    assert.equal(search('Patient', 'gender=unknown').matchesNothing, true);
    assert.equal(search('Patient', 'birthdate=ge2000-01-01&birthdate=le1990-12-31').matchesNothing, true);
  });

  it('accepts the system of a gender, and a birth-date range', () => {
    assert.deepEqual(search('Patient', 'gender=http://hl7.org/fhir/administrative-gender|male').criteria.sex, ['male']);
    assert.deepEqual(search('Patient', 'birthdate=ge1980&birthdate=le1989').criteria.birthDate, { from: utc('1980-01-01T00:00:00Z'), before: utc('1990-01-01T00:00:00Z') });
    assert.deepEqual(search('Patient', 'birthdate=le1989-06-30').criteria.birthDate, { before: utc('1989-07-01T00:00:00Z') });
  });

  it('refuses what it cannot read, naming the parameter and never echoing the value', () => {
    const cases: [string, RegExp][] = [
      ['name=Z', /^name: each value needs at least 2 characters$/],
      ['name=Zoe&name=Ben', /^'name': may appear once/],
      ['gender=woman', /^gender: the code must be one of male, female, other, unknown$/],
      ['gender=http://example.org|male', /^gender: the system must be/],
      ['gender=|male', /^gender: give code or system\|code/],
      ['birthdate=1984-02-30', /^birthdate: a date is YYYY/],
      ['birthdate=1984-02-03T10:00:00Z', /^birthdate: a date is YYYY/],
      ['birthdate=gt1984', /^birthdate: the prefixes supported are ge, le and eq$/],
      ['birthdate=ge1980&birthdate=ge1990', /^birthdate: repeat it only for a range/],
      ['telecom=phone|12', /^telecom: a phone number has 4 to 20 digits/],
      ['telecom=not-an-email@', /^telecom: an email address/],
      ['telecom=carrier-pigeon|x', /^telecom: the system must be one of/],
      ['active=yes', /^active: the value is true, false or true,false$/],
      ['name:exact=Zoe', /^'name:exact': modifiers are not supported$/],
      ['general-practitioner.name=Smith', /^'general-practitioner.name': chained parameters are not supported$/],
      ['_sort=family', /^'_sort': not a search parameter of Patient here; supported: name, family, given, birthdate, gender, telecom, active, _count, _cursor, _format, _pretty$/],
      ['_count=201', /^_count: a whole number from 0 to 200$/],
      ['_count=-1', /^_count: a whole number from 0 to 200$/],
      ['_count=ten', /^_count: a whole number from 0 to 200$/],
      ['_pretty=yes', /^_pretty: true or false$/],
      ['name=', /^'name': empty value$/],
      ['name=%20', /^'name': empty value$/],
      ['name=Zo%00e', /^'name': names and values may not contain control characters$/],
      ['na%01me=Zoe', /^a parameter: names and values may not contain control characters$/],
      ['name=Zo%0Ae', /control characters/],
    ];
    for (const [query, message] of cases) {
      const problems = refused('Patient', query);
      assert.equal(problems.length, 1, `${query}: ${problems.join(' | ')}`);
      assert.match(problems[0], message, query);
    }
    assert.ok(!refused('Patient', 'name=Q').join().includes('Q'), 'a searched name is not echoed');
  });

  it('lists every problem of a request at once', () => {
    assert.equal(refused('Patient', 'name=Z&gender=woman&colour=blue&_count=0x10').length, 4);
  });

  it('serves JSON only: another _format is 406', () => {
    for (const format of ['json', 'application/json', 'application/fhir+json', 'application/fhir+json;charset=utf-8']) {
      assert.doesNotThrow(() => search('Patient', `_format=${encodeURIComponent(format)}`), format);
    }
    for (const format of ['xml', 'application/fhir+xml', 'text/html']) refused('Patient', `_format=${encodeURIComponent(format)}`, 406);
  });

  it('takes _count from 0 (the total only) to 200, and _pretty', () => {
    assert.equal(search('Patient', '_count=0').count, 0);
    assert.equal(search('Patient', '_count=200').count, 200);
    assert.equal(search('Patient', '_pretty=true').pretty, true);
  });

  it('normalises its query for links: sorted, without paging or format', () => {
    assert.equal(search('Patient', 'given=Zo&_count=10&family=Obr&_format=json&_pretty=true').query, 'family=Obr&given=Zo');
  });
});

describe('searches within a patient', () => {
  it('require the patient, as an id, a reference or this server URL', () => {
    for (const type of ['Encounter', 'Observation', 'AllergyIntolerance', 'Condition', 'MedicationRequest'] as const) {
      assert.deepEqual(refused(type, ''), ["'patient': required"], type);
      for (const patient of [PATIENT, `Patient/${PATIENT}`, `${clinician.baseUrl}/Patient/${PATIENT}`, PATIENT.toUpperCase()]) {
        assert.equal(search(type, `patient=${encodeURIComponent(patient)}`).criteria.patientId, PATIENT, `${type} ${patient}`);
      }
      for (const patient of ['12', `Practitioner/${PATIENT}`, `https://elsewhere.example/fhir/Patient/${PATIENT}`, `${PATIENT},${PATIENT}`]) {
        assert.equal(refused(type, `patient=${encodeURIComponent(patient)}`).length, 1, `${type} ${patient}`);
      }
    }
  });

  it('read Encounter and Observation dates with ge, le and eq, as UTC days or instants', () => {
    assert.deepEqual(search('Encounter', `patient=${PATIENT}&date=2026-03-10`).criteria.date, { from: utc('2026-03-10T00:00:00Z'), before: utc('2026-03-11T00:00:00Z') });
    assert.deepEqual(search('Encounter', `patient=${PATIENT}&date=ge2026-03&date=le2026-04-15T12:30%2B02:00`).criteria.date, {
      from: utc('2026-03-01T00:00:00Z'),
      before: utc('2026-04-15T10:31:00Z'),
    });
    // An unencoded + arrives as a space; in an offset it can only have been a +.
    assert.deepEqual(search('Observation', `patient=${PATIENT}&date=ge2026-03-10T09:00:00+01:00`).criteria.date, { from: utc('2026-03-10T08:00:00Z') });
    assert.deepEqual(search('Observation', `patient=${PATIENT}&date=eq2026-03-10T09:00:00.5Z`).criteria.date, {
      from: utc('2026-03-10T09:00:00.500Z'),
      before: utc('2026-03-10T09:00:00.600Z'),
    });
    for (const date of ['2026-13-01', '2026-03-10T09:00', '2026-03-10T25:00Z', 'sa2026', '10/03/2026', '2026-03-10T09:00+15:00']) {
      assert.equal(refused('Encounter', `patient=${PATIENT}&date=${encodeURIComponent(date)}`).length, 1, date);
    }
  });

  it('read Observation category and code into the kinds of vital sign asked for', () => {
    assert.deepEqual(search('Observation', `patient=${PATIENT}&category=vital-signs`).criteria, { patientId: PATIENT });
    assert.equal(search('Observation', `patient=${PATIENT}&category=laboratory`).matchesNothing, true);
    assert.deepEqual(search('Observation', `patient=${PATIENT}&code=http://loinc.org|8867-4,85354-9`).criteria.kinds, ['heart-rate', 'blood-pressure']);
    assert.deepEqual(search('Observation', `patient=${PATIENT}&code=59408-5`).criteria.kinds, ['oxygen-saturation']);
    const glucose = search('Observation', `patient=${PATIENT}&code=2339-0`);
    assert.deepEqual([glucose.criteria.kinds, glucose.matchesNothing], [[], true]);
    assert.equal(refused('Observation', `patient=${PATIENT}&category=vitals`).length, 1);
    assert.equal(refused('Observation', `patient=${PATIENT}&code=heart-rate`).length, 1);
    assert.equal(refused('Observation', `patient=${PATIENT}&code=http://snomed.info/sct|364075005`).length, 1);
  });

  it('read clinical-status into our statuses (Condition) or what allergies can match', () => {
    assert.deepEqual(search('Condition', `patient=${PATIENT}&clinical-status=active,remission`).criteria.statuses, ['active', 'controlled', 'in_remission']);
    assert.equal(search('Condition', `patient=${PATIENT}&clinical-status=relapse`).matchesNothing, true);
    const active = search('AllergyIntolerance', `patient=${PATIENT}&clinical-status=active`);
    assert.deepEqual([active.criteria, active.matchesNothing], [{ patientId: PATIENT }, false]);
    assert.equal(search('AllergyIntolerance', `patient=${PATIENT}&clinical-status=resolved`).matchesNothing, true);
    assert.equal(refused('Condition', `patient=${PATIENT}&clinical-status=controlled`).length, 1);
  });

  it('refuse parameters of other types', () => {
    assert.match(refused('MedicationRequest', `patient=${PATIENT}&date=2026`)[0], /not a search parameter of MedicationRequest/);
    assert.match(refused('Encounter', `patient=${PATIENT}&code=8867-4`)[0], /not a search parameter of Encounter/);
  });
});

describe('$everything parameters', () => {
  it('take _since, _count and the page token, and nothing else', () => {
    const request = parseEverything(PATIENT.toUpperCase(), '_since=2026-03-01T00:00:00%2B01:00&_count=20');
    assert.deepEqual(request, { patientId: PATIENT, since: utc('2026-02-28T23:00:00Z'), count: 20, pretty: false, query: '_since=2026-03-01T00%3A00%3A00%2B01%3A00' });
    assert.deepEqual(parseEverything(PATIENT, ''), { patientId: PATIENT, pretty: false, query: '' });
    const problems = (query: string) => {
      try {
        parseEverything(PATIENT, query);
      } catch (error) {
        assert.ok(error instanceof FhirOutcomeError && error.status === 400);
        return error.outcome.issue.map((issue) => issue.details?.text);
      }
      assert.fail(query);
    };
    assert.match(problems('_since=2026-03-01')[0]!, /^_since: an instant/);
    assert.match(problems('start=2026-01-01')[0]!, /not a parameter of \$everything/);
    assert.match(problems('_count=0')[0]!, /^_count: from 1 to 200/);
  });

  it('answer 404 for an id that cannot be a patient', () => {
    assert.throws(
      () => parseEverything('not-a-uuid', ''),
      (error: unknown) => error instanceof FhirOutcomeError && error.status === 404,
    );
  });
});

describe('read ids', () => {
  it('are UUIDs, or an Observation id of a vital-signs set; anything else is 404', () => {
    assert.equal(readIdOrNotFound('Patient', PATIENT.toUpperCase()), PATIENT);
    assert.equal(readIdOrNotFound('Observation', `${PATIENT}-heart-rate`), `${PATIENT}-heart-rate`);
    for (const [type, id] of [
      ['Patient', '123'],
      ['Observation', PATIENT],
      ['Composition', `${PATIENT}-x`],
      ['Patient', "1' OR '1'='1"],
    ] as const) {
      assert.throws(
        () => readIdOrNotFound(type, id),
        (error: unknown) => error instanceof FhirOutcomeError && error.status === 404 && !JSON.stringify(error.outcome).includes("'1'"),
      );
    }
  });
});

describe('any query string', () => {
  it('is read or refused with a 4xx OperationOutcome, never an unexpected error', () => {
    const names = fc.constantFrom('name', 'family', 'birthdate', 'gender', 'telecom', 'active', 'patient', 'date', 'code', 'category', 'clinical-status', '_count', '_cursor', '_format', 'x', '_since');
    const value = fc.oneof(fc.string(), fc.stringMatching(/^(ge|le|eq|gt)?\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})?)?)?)?$/), fc.uuid(), fc.constant(PATIENT));
    const query = fc.array(fc.tuple(names, value), { maxLength: 6 }).map((pairs) => new URLSearchParams(pairs).toString());
    const types = fc.constantFrom<SearchableType>('Patient', 'Encounter', 'Observation', 'AllergyIntolerance', 'Condition', 'MedicationRequest');
    fc.assert(
      fc.property(types, fc.oneof(query, fc.string()), (type, raw) => {
        try {
          parseSearch(type, raw, clinician);
        } catch (error) {
          if (!(error instanceof FhirOutcomeError) || (error.status !== 400 && error.status !== 406)) throw error;
        }
        try {
          parseEverything(PATIENT, raw);
        } catch (error) {
          if (!(error instanceof FhirOutcomeError) || (error.status !== 400 && error.status !== 406)) throw error;
        }
      }),
      { numRuns: 2000 },
    );
  });
});
