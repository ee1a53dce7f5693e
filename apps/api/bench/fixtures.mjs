// What the benchmark asks for, read from the scale-seeded database once before the first round:
// patients to read, the long history to chart, a clinician's busiest day, and search queries of
// every kind the front desk types. Samples are repeatable (TABLESAMPLE … REPEATABLE) so two runs
// on the same database ask the same questions.
import { URLSearchParams } from 'node:url';
import { scalePatientId } from '@clinic/db/seed';

const SAMPLE = `FROM "patients" TABLESAMPLE BERNOULLI (0.2) REPEATABLE (11) WHERE "id" <> $1`;

function cycle(values, count) {
  return Array.from({ length: count }, (_, index) => values[index % values.length]);
}

const prefix = (name, letters) => [...name.toLowerCase()].slice(0, letters).join('');

function patientsPath(query) {
  return `/api/v1/patients?${new URLSearchParams(query)}`;
}

/** Search kinds, each a list of request paths (as many as `count`). */
function searchKinds(common, rare, people, count) {
  const kinds = {};
  for (const letters of [2, 3, 4]) {
    kinds[`${letters} letters, common name`] = cycle(common.map((name) => patientsPath({ q: prefix(name, letters) })), count);
    kinds[`${letters} letters, rare name`] = cycle(rare.map((name) => patientsPath({ q: prefix(name, letters) })), count);
  }
  kinds['"Last, First"'] = cycle(people.map((p) => patientsPath({ q: `${p.lastName}, ${prefix(p.firstName, 3)}` })), count);
  kinds['full name'] = cycle(people.map((p) => patientsPath({ q: `${p.firstName} ${p.lastName}` })), count);
  kinds['name + date of birth'] = cycle(people.map((p) => patientsPath({ q: prefix(p.lastName, 4), dateOfBirth: p.dateOfBirth })), count);
  kinds['phone digits'] = cycle(
    people.map((p, index) => patientsPath({ phone: index % 2 === 0 ? p.phone : p.phone.replace(/\D/g, '') })),
    count,
  );
  return kinds;
}

/** Everything the rounds ask for; throws when the database was not filled by db:seed:scale. */
export async function readFixtures(client, { searchQueries }) {
  const longHistoryPatientId = scalePatientId(1);
  const { rows: found } = await client.query('SELECT count(*)::int AS visits FROM "appointments" WHERE "patientId" = $1', [longHistoryPatientId]);
  if (found[0].visits === 0) throw new Error('no scale data here: fill the database with `nx run db:seed:scale` first');

  const { rows: people } = await client.query(
    `SELECT "id", "firstName", "lastName", to_char("dateOfBirth", 'YYYY-MM-DD') AS "dateOfBirth", "phone" ${SAMPLE} ORDER BY "id" LIMIT 1000`,
    [longHistoryPatientId],
  );
  const { rows: names } = await client.query(
    `SELECT "lastName", count(*)::int AS patients FROM "patients" WHERE "lastName" NOT LIKE '%-%' GROUP BY 1 ORDER BY 2 DESC, 1`,
  );
  const common = names.slice(0, 40).map((row) => row.lastName);
  const rare = names.filter((row) => row.patients <= 3).filter((_, index) => index % 97 === 0).slice(0, 300).map((row) => row.lastName);
  const { rows: days } = await client.query(
    `SELECT "providerId", date_trunc('day', "appointmentDate") AS day, count(*)::int AS visits
     FROM "appointments" GROUP BY 1, 2 ORDER BY 3 DESC, 2 DESC, 1 LIMIT 1`,
  );
  const day = days[0];
  const from = new Date(`${day.day.toISOString().slice(0, 10)}T00:00:00Z`);
  const to = new Date(from.getTime() + 24 * 3600 * 1000);

  return {
    readPaths: people.map((p) => `/api/v1/patients/${p.id}`),
    chartPath: `/api/v1/patients/${longHistoryPatientId}/chart`,
    providerDay: { path: `/api/v1/appointments?${new URLSearchParams({ providerId: day.providerId, from: from.toISOString(), to: to.toISOString() })}`, visits: day.visits },
    searches: searchKinds(common, rare, people.slice(0, 300), searchQueries),
  };
}

const FIRST_NAMES = ['Ada', 'Bram', 'Chiara', 'Dmitri', 'Efua', 'Farid', 'Greta', 'Hamza', 'Ines', 'Jonas'];

/** A new patient's registration, varied so no two requests are the same. */
export function newPatientBody(index) {
  return JSON.stringify({
    firstName: FIRST_NAMES[index % FIRST_NAMES.length],
    lastName: 'Benchmark',
    dateOfBirth: `19${String(50 + (index % 50)).padStart(2, '0')}-0${1 + (index % 9)}-1${index % 10}`,
    sex: 'other',
    phone: `(0${String(index % 100).padStart(2, '0')}) 555-${String(index % 10000).padStart(4, '0')}`,
    emergencyContactName: 'Contact Benchmark',
    emergencyContactPhone: '(001) 555-0000',
  });
}
