// Patient search as the front desk uses it: partial names in any case and with or without
// accents, "Last, First" and "First Last", phones however formatted, archived patients left out,
// and keyset pages that visit every match exactly once. All names are synthetic.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Prisma } from '@clinic/db';
import type { PatientSearch } from '../src/patients/patient-record.js';
import { findPatientPage } from '../src/patients/patient-search.query.js';
import { AuthFixture, bearer, type SignedInProvider } from './support/auth.js';
import { startTestApp, type TestApp } from './support/test-app.js';

interface Person {
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  phone: string;
  email?: string;
}

const PEOPLE = {
  helene: { firstName: 'Hélène', lastName: 'Fictif', dateOfBirth: '1984-03-17', phone: '(555) 010-0147', email: 'H.Fictif@Example.org' },
  helena: { firstName: 'Helena', lastName: 'Testa', dateOfBirth: '1990-01-05', phone: '555 010 0150' },
  jeanLuc: { firstName: 'Jean-Luc', lastName: 'Exemple', dateOfBirth: '1975-11-30', phone: '+1 555-010-0160' },
  heleneExemple: { firstName: 'Hélène', lastName: 'Exemple', dateOfBirth: '1962-07-14', phone: '555/010/0165' },
  zoe: { firstName: 'Zoë', lastName: 'Müller-Probe', dateOfBirth: '2001-06-09', phone: '555.010.0170' },
  marc: { firstName: 'Marc', lastName: 'Fictif', dateOfBirth: '1950-02-02', phone: '555-010-0180' },
} satisfies Record<string, Person>;
type Name = keyof typeof PEOPLE;

describe('patient search', () => {
  let api: TestApp;
  let accounts: AuthFixture;
  let staff: SignedInProvider;
  const ids = {} as Record<Name, string>;

  before(async () => {
    api = await startTestApp();
    accounts = new AuthFixture(api);
    staff = await accounts.signedIn({ role: 'staff' });
    for (const [name, person] of Object.entries(PEOPLE) as [Name, Person][]) {
      const response = await api
        .http()
        .post('/api/v1/patients')
        .set(bearer(staff.accessToken))
        .send({ sex: 'other', emergencyContactName: 'Contact Fictif', emergencyContactPhone: '555-010-0999', ...person })
        .expect(201);
      ids[name] = response.body.id;
    }
    await api.http().delete(`/api/v1/patients/${ids.marc}`).set(bearer(staff.accessToken)).expect(204);
  });
  after(async () => {
    await accounts.close();
    await api.close();
  });

  async function search(query: Record<string, string | number | boolean>) {
    const response = await api.http().get('/api/v1/patients').query(query).set(bearer(staff.accessToken)).expect(200);
    assert.deepEqual(Object.keys(response.body).sort(), ['data', 'nextCursor']);
    return response.body.data as { id: string; firstName: string; lastName: string }[];
  }

  /** The names found, as "First Last", in the order answered. */
  async function namesFound(query: Record<string, string | number | boolean>): Promise<string[]> {
    return (await search(query)).map((patient) => `${patient.firstName} ${patient.lastName}`);
  }

  describe('by name (q)', () => {
    it('matches part of a first or last name, in any case', async () => {
      assert.deepEqual(await namesFound({ q: 'ficti' }), ['Hélène Fictif']);
      assert.deepEqual(await namesFound({ q: 'TEST' }), ['Helena Testa']);
      assert.deepEqual(await namesFound({ q: 'luc' }), ['Jean-Luc Exemple']);
    });

    it('ignores accents on both sides', async () => {
      assert.deepEqual(await namesFound({ q: 'helene' }), ['Hélène Exemple', 'Hélène Fictif']);
      assert.deepEqual(await namesFound({ q: 'HÉLÈNE' }), ['Hélène Exemple', 'Hélène Fictif']);
      assert.deepEqual(await namesFound({ q: 'Hélèna' }), ['Helena Testa']);
      assert.deepEqual(await namesFound({ q: 'zoe muller' }), ['Zoë Müller-Probe']);
    });

    it('understands "First Last" and "Last First"', async () => {
      assert.deepEqual(await namesFound({ q: 'Hélène Fictif' }), ['Hélène Fictif']);
      assert.deepEqual(await namesFound({ q: 'fictif helene' }), ['Hélène Fictif']);
      assert.deepEqual(await namesFound({ q: 'hel exem' }), ['Hélène Exemple']);
    });

    it('understands "Last, First", and then holds each part to its own name', async () => {
      assert.deepEqual(await namesFound({ q: 'Fictif, Hélène' }), ['Hélène Fictif']);
      assert.deepEqual(await namesFound({ q: 'exemple, hel' }), ['Hélène Exemple']);
      assert.deepEqual(await namesFound({ q: 'Exemple,' }), ['Hélène Exemple', 'Jean-Luc Exemple']);
      assert.deepEqual(await namesFound({ q: 'Hélène, Fictif' }), []);
    });

    it("takes LIKE's wildcards and quotes literally", async () => {
      assert.deepEqual(await namesFound({ q: '_e' }), []);
      assert.deepEqual(await namesFound({ q: 'e%' }), []);
      assert.deepEqual(await namesFound({ q: "x'; DROP TABLE patients; --" }), []);
      assert.ok((await accounts.prisma.patient.count()) >= Object.keys(PEOPLE).length);
    });

    it('refuses a q shorter than 2 characters, without a letter or digit, or with a control character', async () => {
      for (const q of ['h', ' h ', '', ',,', '%%', 'ab\u0007c', 'Fic\ttif', 'Fic\u0085tif']) {
        const response = await api.http().get('/api/v1/patients').query({ q }).set(bearer(staff.accessToken)).expect(400);
        assert.equal(response.body.errors[0].field, 'q', JSON.stringify(response.body));
      }
    });
  });

  describe('by date of birth, phone and email', () => {
    it('matches the exact date of birth', async () => {
      assert.deepEqual(await namesFound({ dateOfBirth: '1984-03-17' }), ['Hélène Fictif']);
      assert.deepEqual(await namesFound({ dateOfBirth: '1984-03-18' }), []);
    });

    it('compares phones by digits only, whatever the formatting on either side', async () => {
      for (const phone of ['555-010-0147', '5550100147', '555.010.0147', '(555)0100147', ' 555 010 0147 ']) {
        assert.deepEqual(await namesFound({ phone }), ['Hélène Fictif'], phone);
      }
      assert.deepEqual(await namesFound({ phone: '1 (555) 010-0160' }), ['Jean-Luc Exemple']);
      assert.deepEqual(await namesFound({ phone: '555-010-0165' }), ['Hélène Exemple']);
      assert.deepEqual(await namesFound({ phone: '010-0147' }), []);
    });

    it('answers each patient as GET /patients/:id does', async () => {
      const [found] = await search({ email: 'h.fictif@example.org' });
      const read = await api.http().get(`/api/v1/patients/${ids.helene}`).set(bearer(staff.accessToken)).expect(200);
      assert.deepEqual(found, read.body);
      assert.equal(read.body.dateOfBirth, '1984-03-17');
    });

    it('matches the email exactly but in any case', async () => {
      assert.deepEqual(await namesFound({ email: 'h.fictif@example.org' }), ['Hélène Fictif']);
      assert.deepEqual(await namesFound({ email: 'H.FICTIF@EXAMPLE.ORG' }), ['Hélène Fictif']);
      assert.deepEqual(await namesFound({ email: 'fictif@example.org' }), []);
    });

    it('combines filters: every one given must match', async () => {
      assert.deepEqual(await namesFound({ q: 'helene', dateOfBirth: '1962-07-14' }), ['Hélène Exemple']);
      assert.deepEqual(await namesFound({ q: 'helene', phone: '555 010 0150' }), []);
    });

    it('refuses malformed dates, phones without digits and malformed emails', async () => {
      const invalid: [Record<string, string>, string][] = [
        [{ dateOfBirth: '1984-02-30' }, 'dateOfBirth'],
        [{ dateOfBirth: '17/03/1984' }, 'dateOfBirth'],
        [{ phone: 'front desk' }, 'phone'],
        [{ email: 'not-an-email' }, 'email'],
        [{ includeArchived: 'yes' }, 'includeArchived'],
        [{ sort: 'dateOfBirth' }, 'sort'],
      ];
      for (const [query, field] of invalid) {
        const response = await api.http().get('/api/v1/patients').query(query).set(bearer(staff.accessToken)).expect(400);
        assert.equal(response.body.errors[0].field, field, JSON.stringify(response.body));
      }
    });
  });

  describe('archived patients', () => {
    it('are left out unless includeArchived=true', async () => {
      assert.deepEqual(await namesFound({ q: 'fictif' }), ['Hélène Fictif']);
      assert.deepEqual(await namesFound({ q: 'fictif', includeArchived: false }), ['Hélène Fictif']);
      assert.deepEqual(await namesFound({ q: 'fictif', includeArchived: true }), ['Hélène Fictif', 'Marc Fictif']);
      assert.deepEqual(await namesFound({ phone: '555-010-0180' }), []);
      assert.deepEqual(await namesFound({ phone: '555-010-0180', includeArchived: true }), ['Marc Fictif']);
    });
  });

  describe('pages', () => {
    it('visit every patient exactly once, in (lastName, firstName, id) order, with a small limit', async () => {
      // Namesakes make the id decide the order, which a cursor of names alone would get wrong.
      for (const firstName of ['Bea', 'Bea', 'Bea', 'Al', 'Cy']) {
        await accounts.prisma.patient.create({
          data: { firstName, lastName: 'Pagina', dateOfBirth: new Date('2000-01-01'), sex: 'other', phone: '555-010-0200', emergencyContactName: 'Contact Fictif', emergencyContactPhone: '555-010-0201' },
        });
      }
      const expected = await accounts.prisma.patient.findMany({ orderBy: [{ lastName: 'asc' }, { firstName: 'asc' }, { id: 'asc' }], select: { id: true } });

      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const response: { body: { data: { id: string }[]; nextCursor: string | null } } = await api
          .http()
          .get('/api/v1/patients')
          .query({ includeArchived: true, limit: 2, ...(cursor ? { cursor } : {}) })
          .set(bearer(staff.accessToken))
          .expect(200);
        assert.ok(response.body.data.length <= 2);
        seen.push(...response.body.data.map((patient) => patient.id));
        cursor = response.body.nextCursor;
        pages++;
      } while (cursor);
      assert.deepEqual(seen, expected.map((row) => row.id));
      assert.equal(pages, Math.ceil(expected.length / 2));

      const pagina = await search({ q: 'pagina', limit: 200 });
      assert.deepEqual(pagina.map((patient) => patient.firstName), ['Al', 'Bea', 'Bea', 'Bea', 'Cy']);
    });

    it('default to 50 rows and refuse a limit outside 1..200', async () => {
      for (let i = 0; i < 51; i++) {
        await accounts.prisma.patient.create({
          data: { firstName: `Many${String(i).padStart(2, '0')}`, lastName: 'Zzmany', dateOfBirth: new Date('2000-01-01'), sex: 'other', phone: '555-010-0300', emergencyContactName: 'Contact Fictif', emergencyContactPhone: '555-010-0301' },
        });
      }
      const first = await api.http().get('/api/v1/patients').query({ q: 'zzmany' }).set(bearer(staff.accessToken)).expect(200);
      assert.equal(first.body.data.length, 50);
      assert.ok(first.body.nextCursor);
      const rest = await api.http().get('/api/v1/patients').query({ q: 'zzmany', cursor: first.body.nextCursor }).set(bearer(staff.accessToken)).expect(200);
      assert.deepEqual(rest.body.data.map((patient: { firstName: string }) => patient.firstName), ['Many50']);
      assert.equal(rest.body.nextCursor, null);
      for (const limit of [0, 201, 'ten', 2.5]) {
        await api.http().get('/api/v1/patients').query({ limit }).set(bearer(staff.accessToken)).expect(400);
      }
    });

    it('refuse cursors this API did not hand out', async () => {
      const forged = (key: unknown) => Buffer.from(JSON.stringify(key)).toString('base64url');
      const cursors = ['not a cursor!', forged({ lastName: 'Fictif' }), forged(['Fictif', 'Hélène']), forged(['Fictif', 'Hélène', 'not-a-uuid']), forged([1, 2, 3])];
      for (const cursor of cursors) {
        const response = await api.http().get('/api/v1/patients').query({ cursor }).set(bearer(staff.accessToken)).expect(400);
        assert.equal(response.body.statusCode, 400);
      }
    });
  });

  describe('its audit event', () => {
    const searchEvents = () =>
      accounts.prisma.auditEvent.findMany({ where: { actorId: staff.id, action: 'search' }, orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }] });

    it('is one per search, written by the page statement, naming only the patients shown', async () => {
      const before = (await searchEvents()).length;
      const response = await api.http().get('/api/v1/patients').query({ q: 'Exemple', limit: 1 }).set(bearer(staff.accessToken)).expect(200);
      assert.equal(response.body.data.length, 1);
      assert.notEqual(response.body.nextCursor, null, 'a second page follows: the statement read one row more than it shows');
      const events = await searchEvents();
      assert.equal(events.length, before + 1);
      assert.deepEqual(events[0]!.patientIds, [response.body.data[0].id]);
      assert.equal(events[0]!.outcome, 'success');
    });

    it('is one when a short page from the first last names is asked again with every one', async () => {
      // 130 last names containing "qv" (more than a page statement reads at once): the first 128 in
      // name order carry only archived patients, so that page comes back short and the search asks
      // again with all of them. Only the second statement may write the event.
      await accounts.prisma.$executeRawUnsafe(`
        INSERT INTO "patients" ("firstName", "lastName", "dateOfBirth", "sex", "phone", "emergencyContactName", "emergencyContactPhone", "updatedAt", "archivedAt")
        SELECT 'Omar', 'Qvname' || lpad(g::text, 3, '0'), date '1980-01-01', 'other', '(001) 555-0101', 'Contact', '(001) 555-0000', now(),
               CASE WHEN g <= 128 THEN now() END
        FROM generate_series(1, 130) AS g`);
      const before = (await searchEvents()).length;
      const found = await search({ q: 'qv' });
      assert.deepEqual(found.map((patient) => patient.lastName), ['Qvname129', 'Qvname130']);
      const events = await searchEvents();
      assert.equal(events.length, before + 1);
      assert.deepEqual([...events[0]!.patientIds].sort(), found.map((patient) => patient.id).sort());
    });

    it('is one for a search that finds nobody, with no patient ids', async () => {
      const before = (await searchEvents()).length;
      assert.deepEqual(await search({ q: 'Nobodyatall' }), []);
      const events = await searchEvents();
      assert.equal(events.length, before + 1);
      assert.deepEqual(events[0]!.patientIds, []);
    });
  });

  it('answers 401 without a token', async () => {
    await api.http().get('/api/v1/patients').query({ q: 'fictif' }).expect(401);
  });

  it('reaches patients through the search indexes, never by reading the whole table', async () => {
    // With sequential scans ruled out, only an index whose expression is exactly the statement's
    // can answer it; every statement a search sends is explained. On tables this small the name
    // tables are read through their primary keys; patient-search-plan.test.ts checks the plans on a
    // large, skewed register, where the trigram and bigram indexes take over.
    const plansOf = (search: PatientSearch) =>
      accounts.prisma.$transaction(async (tx) => {
        await tx.$executeRawUnsafe('SET LOCAL enable_seqscan = off');
        const plans: string[] = [];
        await findPatientPage(search, {
          rows: async <T>(statement: Prisma.Sql) => {
            const rows = await tx.$queryRaw<{ 'QUERY PLAN': string }[]>(Prisma.sql`EXPLAIN ${statement}`);
            plans.push(rows.map((row) => row['QUERY PLAN']).join('\n'));
            return tx.$queryRaw<T[]>(statement);
          },
        });
        return plans.join('\n');
      });
    const none = { nameWords: [], lastNameWords: [], firstNameWords: [], includeArchived: true, take: 51 };
    const byName = await plansOf({ ...none, nameWords: ['helene'] });
    assert.match(byName, /on patient_(last|first)_names /);
    assert.match(byName, /patients_(name_order|first_name)_idx/);
    const lastFirst = await plansOf({ ...none, lastNameWords: ['fictif'], firstNameWords: ['hel'] });
    assert.match(lastFirst, /on patient_(last|first)_names /);
    assert.match(lastFirst, /patients_(name_order|first_name)_idx/);
    assert.match(await plansOf({ ...none, phoneDigits: '5550100147' }), /patients_phone_digits_idx/);
    assert.match(await plansOf({ ...none, email: 'h.fictif@example.org' }), /patients_email_lower_idx/);
    assert.match(await plansOf({ ...none, dateOfBirth: '1984-03-17' }), /patients_dateOfBirth_idx/);
    for (const plan of [byName, lastFirst, await plansOf({ ...none, nameWords: ['he'] })]) assert.doesNotMatch(plan, /Seq Scan on patients /);
  });
});
