// Plan regression for patient search (issue 11). On a register shaped like a real one, a common
// last name late in the name order and a long tail of rare names before it, the search must never
// walk the name order and throw most of the table away. That is what PostgreSQL did with the
// single statement search used to be: expecting matches spread evenly along the order, it read
// patients_lastName_firstName_idx from the start and filtered out every row before the first Smith.
// Each statement the search sends is run under EXPLAIN ANALYZE, and the rows its plan reads from
// patients (kept and thrown away) are counted.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createPrismaClient, Prisma, type PrismaClient } from '@clinic/db';
import { createTestDatabase, type TestDatabase } from '@clinic/db/testing';
import type { PatientSearch } from '../src/patients/patient-record.js';
import { digitsOf, parseNameQuery } from '../src/patients/patient-search.js';
import { SurveyMemory } from '../src/patients/patient-search.names.js';
import { findPatientPage } from '../src/patients/patient-search.query.js';

const PATIENTS = 60_000;
const TAKE = 51;
/**
 * What a search may read from patients: a bounded amount (a few pages of index entries and rows), a
 * tenth of this table at most. The single statement of old read over 40,000.
 */
const ROWS_READ_AT_MOST = PATIENTS / 10;

// 6 % Smith and 2 % Smithson sort after 70 % of rare names starting A…R (the long tail of a real
// register), so the first Smith sits deep in the name order; first names are a common handful.
const REGISTER = `
  INSERT INTO "patients" ("firstName", "lastName", "dateOfBirth", "sex", "phone", "emergencyContactName", "emergencyContactPhone", "updatedAt")
  SELECT (ARRAY['John', 'Joanna', 'Maria', 'James', 'Anna', 'Zoë', 'Mei', 'Omar'])[1 + (hashint8extended(g, 1) & 65535) % 8],
         CASE WHEN g % 100 < 6 THEN 'Smith'
              WHEN g % 100 < 8 THEN 'Smithson'
              WHEN g % 100 < 30 THEN (ARRAY['Young', 'Zimmer', 'Walker', 'Tran'])[1 + g % 4]
              ELSE chr(65 + ((hashint8extended(g, 2) & 65535) % 18)::int) || substr(md5(g::text), 1, 6) END,
         date '1930-01-01' + ((hashint8extended(g, 3) & 65535) % 25000)::int, 'other',
         '(0' || lpad((g % 100)::text, 2, '0') || ') 555-' || lpad((g % 10000)::text, 4, '0'),
         'Contact', '(001) 555-0000', now()
  FROM generate_series(1, ${PATIENTS}) AS g`;

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
}

interface PatientsRead {
  rows: number;
  worst: string;
  /** Every index the plan read. */
  indexes: string[];
  /** The statement is the name survey (patient-search.names.ts), which reads the names tables only. */
  survey?: boolean;
}

/** Rows the plan read from patients (returned or discarded by a filter), and the node that read most. */
function patientsRead(plan: PlanNode): PatientsRead {
  const nodes: PlanNode[] = [];
  const visit = (node: PlanNode) => {
    nodes.push(node);
    node.Plans?.forEach(visit);
  };
  visit(plan);
  let rows = 0;
  let worst = { rows: -1, text: '' };
  for (const node of nodes.filter((candidate) => candidate['Relation Name'] === 'patients')) {
    const read = (node['Actual Rows'] + (node['Rows Removed by Filter'] ?? 0)) * node['Actual Loops'];
    rows += read;
    if (read > worst.rows) {
      const removed = (node['Rows Removed by Filter'] ?? 0) * node['Actual Loops'];
      worst = { rows: read, text: `${node['Node Type']}${node['Index Name'] ? ` using ${node['Index Name']}` : ''}: ${read} rows read, ${removed} thrown away` };
    }
  }
  return { rows, worst: worst.text, indexes: nodes.flatMap((node) => (node['Index Name'] ? [node['Index Name']] : [])) };
}

describe('patient search plans on a skewed register', () => {
  let database: TestDatabase;
  let prisma: PrismaClient;

  before(async () => {
    database = await createTestDatabase();
    prisma = createPrismaClient({ databaseUrl: database.url, poolSize: 1 });
    await prisma.$executeRawUnsafe(REGISTER);
    await prisma.$executeRawUnsafe('VACUUM ANALYZE "patients"');
    // The name tables exist only once search reads through them; the schema before had none.
    await prisma.$executeRawUnsafe(`DO $$ BEGIN IF to_regclass('patient_last_names') IS NOT NULL THEN ANALYZE patient_last_names, patient_first_names; END IF; END $$`);
  });
  after(async () => {
    await prisma?.$disconnect();
    await database?.drop();
  });

  /** Runs the search, each of its statements under EXPLAIN ANALYZE; the rows each read from patients. */
  async function searchReads(search: PatientSearch, surveys?: SurveyMemory): Promise<{ found: number; reads: PatientsRead[] }> {
    const reads: PatientsRead[] = [];
    const { rows } = await findPatientPage(search, {
      surveys,
      rows: async <T>(statement: Prisma.Sql) => {
        const [explained] = await prisma.$queryRaw<{ 'QUERY PLAN': [{ Plan: PlanNode }] }[]>(Prisma.sql`EXPLAIN (ANALYZE, FORMAT JSON) ${statement}`);
        reads.push({ ...patientsRead(explained!['QUERY PLAN'][0].Plan), survey: statement.sql.includes(') AS survey ORDER BY') });
        return prisma.$queryRaw<T[]>(statement);
      },
    });
    return { found: rows.length, reads };
  }

  const searches: [string, Partial<PatientSearch> & { q?: string; phone?: string }][] = [
    ['a common last name, four letters', { q: 'smit' }],
    ['a common last name, three letters', { q: 'smi' }],
    ['a common last name, two letters', { q: 'sm' }],
    // In about a thousand of the rare last names: their first ones in name order are walked, not sorted.
    ['two letters in many last names', { q: 'ab' }],
    ['"Last, First"', { q: 'Smith, Jo' }],
    ['first and last name', { q: 'Joanna Smith' }],
    ['a rare first name', { q: 'zoë' }],
    ['a name found nowhere', { q: 'qqq' }],
    ['a name with a date of birth', { q: 'smit', dateOfBirth: '1960-01-01' }],
    ['a phone number', { phone: '(007) 555-0007' }],
  ];

  for (const [kind, query] of searches) {
    it(`reads a bounded number of patients, not the table, for ${kind}`, async (t) => {
      const { q, phone, ...rest } = query;
      const { found, reads } = await searchReads({
        ...parseNameQuery(q),
        phoneDigits: phone === undefined ? undefined : digitsOf(phone),
        includeArchived: false,
        take: TAKE,
        ...rest,
      });
      const total = reads.reduce((sum, read) => sum + read.rows, 0);
      t.diagnostic(`${total} rows of patients read in ${reads.length} statement(s) to find ${found}`);
      assert.ok(
        total <= ROWS_READ_AT_MOST,
        `${kind}: the search read ${total} rows of ${PATIENTS} patients to find ${found}; worst: ${reads.map((read) => read.worst).join('; ')}`,
      );
      // How many patients carry a word's names comes from the names tables' counts, not from patients.
      const surveys = reads.filter((read) => read.survey);
      assert.equal(surveys.length, q !== undefined && rest.dateOfBirth === undefined ? 1 : 0, `${kind}: one name survey, for a name alone`);
      for (const survey of surveys) assert.equal(survey.rows, 0, `${kind}: the name survey read patients: ${survey.worst}`);
    });
  }

  it('reads the last names holding a word of two or three letters from their pieces, in name order', async () => {
    for (const q of ['sm', 'smi', 'ith', 'Smí']) {
      const { found, reads } = await searchReads({ ...parseNameQuery(q), includeArchived: false, take: TAKE });
      assert.equal(found, TAKE, q);
      const page = reads.at(-1)!;
      assert.ok(page.indexes.includes('patient_last_name_grams_pkey'), `${q}: the page read ${page.indexes.join(', ')}`);
      assert.ok(!page.indexes.some((index) => index.startsWith('patient_last_names_')), `${q}: the page still looked last names up in ${page.indexes.join(', ')}`);
    }
  });

  it('gives a new last name its pieces, and finds its patients by any of them', async () => {
    const pieces = async (name: string) =>
      (await prisma.$queryRawUnsafe<{ gram: string }[]>(`SELECT "gram" FROM "patient_last_name_grams" WHERE "name" = $1 ORDER BY 1`, name)).map((row) => row.gram);
    await prisma.$executeRawUnsafe(
      `INSERT INTO "patients" ("firstName", "lastName", "dateOfBirth", "sex", "phone", "emergencyContactName", "emergencyContactPhone", "updatedAt")
       VALUES ('Omar', 'Vöxley', date '1980-01-01', 'other', '(001) 555-0101', 'Contact', '(001) 555-0000', now())`,
    );
    // Folded first: lower case, without the accent.
    assert.deepEqual(await pieces('Vöxley'), ['ey', 'le', 'ley', 'ox', 'oxl', 'vo', 'vox', 'xl', 'xle'].sort());
    for (const q of ['vo', 'xle', 'ey']) {
      const search = { ...parseNameQuery(q), includeArchived: false, take: 200_000 };
      const { rows } = await findPatientPage(search, { rows: (statement) => prisma.$queryRaw(statement) });
      assert.ok(rows.some((row) => row.lastName === 'Vöxley'), `"${q}" finds Omar Vöxley`);
    }
  });

  it('remembers recent words\' name counts, and a remembered "none" never hides a patient registered since', async () => {
    const surveys = new SurveyMemory();
    const search = { ...parseNameQuery('qzu'), includeArchived: false, take: TAKE };
    const first = await searchReads(search, surveys);
    assert.equal(first.found, 0);
    assert.equal(first.reads.filter((read) => read.survey).length, 1, 'the first search counts the word');
    await prisma.$executeRawUnsafe(
      `INSERT INTO "patients" ("firstName", "lastName", "dateOfBirth", "sex", "phone", "emergencyContactName", "emergencyContactPhone", "updatedAt")
       VALUES ('Qzuna', 'Walker', date '1980-01-01', 'other', '(001) 555-0101', 'Contact', '(001) 555-0000', now())`,
    );
    const again = await searchReads(search, surveys);
    assert.equal(again.reads.filter((read) => read.survey).length, 0, 'the second search remembers the count');
    assert.equal(again.found, 1, 'the patient registered since is found');
  });

  it('forgets a remembered count after its minute, and the oldest word first when full', () => {
    let now = 0;
    const surveys = new SurveyMemory(2, 60_000, () => now);
    const counts = { foldedLetters: 2, lastNames: 1, firstNames: 0, lastNamePatients: 3, firstNamePatients: 0, registered: 3 };
    surveys.keep('ab', counts);
    surveys.keep('cd', counts);
    assert.deepEqual(surveys.recall('ab'), { ...counts, remembered: true });
    surveys.keep('ef', counts);
    assert.equal(surveys.recall('ab'), undefined, 'the oldest word went');
    now = 60_000;
    assert.equal(surveys.recall('ef'), undefined, 'a minute later, forgotten');
  });

  it('keeps how many patients carry each name as patients are registered, renamed and removed', async () => {
    const carriers = async (table: 'patient_last_names' | 'patient_first_names', name: string) => {
      const [row] = await prisma.$queryRawUnsafe<{ patients: number }[]>(`SELECT "patients" FROM "${table}" WHERE "name" = $1`, name);
      return row?.patients;
    };
    const register = (firstName: string, lastName: string, count: number) =>
      prisma.$executeRawUnsafe(
        `INSERT INTO "patients" ("firstName", "lastName", "dateOfBirth", "sex", "phone", "emergencyContactName", "emergencyContactPhone", "updatedAt")
         SELECT $1, $2, date '1980-01-01', 'other', '(001) 555-0101', 'Contact', '(001) 555-0000', now() FROM generate_series(1, ${count})`,
        firstName,
        lastName,
      );
    const smiths = (await carriers('patient_last_names', 'Smith'))!;
    await register('Quilla', 'Countedname', 3);
    await register('Quilla', 'Smith', 2);
    assert.equal(await carriers('patient_last_names', 'Countedname'), 3, 'a new name starts with its carriers');
    assert.equal(await carriers('patient_last_names', 'Smith'), smiths + 2, 'a known name adds its new carriers');
    assert.equal(await carriers('patient_first_names', 'Quilla'), 5);
    // A phone change moves nobody; a rename moves one patient from a name to another.
    await prisma.$executeRawUnsafe(`UPDATE "patients" SET "phone" = '(001) 555-0102' WHERE "firstName" = 'Quilla'`);
    assert.equal(await carriers('patient_last_names', 'Countedname'), 3);
    await prisma.$executeRawUnsafe(
      `UPDATE "patients" SET "lastName" = 'Renamedname' WHERE "id" = (SELECT "id" FROM "patients" WHERE "lastName" = 'Countedname' LIMIT 1)`,
    );
    assert.equal(await carriers('patient_last_names', 'Countedname'), 2);
    assert.equal(await carriers('patient_last_names', 'Renamedname'), 1);
    await prisma.$executeRawUnsafe(`DELETE FROM "patients" WHERE "firstName" = 'Quilla'`);
    assert.deepEqual(
      [await carriers('patient_last_names', 'Countedname'), await carriers('patient_last_names', 'Smith'), await carriers('patient_first_names', 'Quilla')],
      [0, smiths, 0],
      'a name nobody carries stays, counted 0',
    );
  });
});
