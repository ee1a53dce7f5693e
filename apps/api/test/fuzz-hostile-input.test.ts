// Property-based fuzzing of every route in the OpenAPI document with hostile input: generated
// bodies, query strings, path ids and cursors full of NUL, control characters, broken Unicode,
// lengths, numbers and dates out of range, wrong types and deep nesting, sent as each role.
// It asserts, for every request: no 5xx; and for every refused one (4xx), no row of patient or
// provider data changed. It reports how many requests it sent. Bounded: a fixed number of runs
// per route, from a fixed seed (a failure is reproducible), well under two minutes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { bearer } from './support/auth.js';
import { type ClinicTeam, startClinicTeam } from './support/clinic-team.js';
import { VisitFixture } from './support/visits.js';

const RUNS_PER_ROUTE = 14;
const SEED = 20261201;

// The tables whose rows a refused request must leave exactly as they were.
const DATA_TABLES = ['providers', 'patients', 'allergies', 'chronic_conditions', 'appointments', 'vital_signs', 'medical_records', 'record_amendments', 'symptoms', 'prescriptions'];

// Routes that end the fuzzing's own sessions when they succeed: fuzzed with ids of nobody only.
const SESSION_ENDING = new Set(['POST /api/v1/auth/logout-all', 'POST /api/v1/auth/password', 'POST /api/v1/auth/logout']);

interface Operation {
  method: string;
  path: string;
  pathParams: string[];
  queryParams: string[];
  bodyProperties: string[];
  isPublic: boolean;
}

type Json = Record<string, unknown>;

const HOSTILE_TEXT = [
  '\u0000',
  'a\u0000b',
  '\ud800',
  'x\udfffy',
  '\u202eevil',
  'Amoxi\u00adcillin',
  '\u0007\u001b[31m',
  '%00',
  '../../etc/passwd',
  "'; DROP TABLE patients; --",
  '<script>alert(1)</script>',
  'x'.repeat(300),
  'y'.repeat(70_000),
  '0000-01-01T00:00:00.000Z',
  '0000-01-01',
  '9999-12-31T23:59:59.999Z',
  '2026-02-30',
  '-1',
  '1e309',
  'NaN',
  'true',
  'null',
  '[]',
  '{}',
  '',
  ' ',
  '😀'.repeat(100),
];

const hostileText = fc.oneof(fc.constantFrom(...HOSTILE_TEXT), fc.string({ unit: 'binary', maxLength: 40 }), fc.string({ maxLength: 20 }));
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const cursor = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }).map(base64url),
  fc.tuple(hostileText, hostileText).map(base64url),
  fc.tuple(hostileText, hostileText, fc.uuid()).map(base64url),
  fc.tuple(fc.constantFrom('0000-01-01T00:00:00.000Z', '-000001-01-01T00:00:00.000Z', '+275760-09-13T00:00:00.000Z'), fc.uuid()).map(base64url),
  fc.tuple(fc.date({ noInvalidDate: true }).map((date) => date.toISOString()), fc.constantFrom('\u0000', 'not-a-uuid', "'")).map(base64url),
  hostileText,
);
const deep = fc.integer({ min: 30, max: 5000 }).map((depth) => JSON.parse(`${'['.repeat(Math.min(depth, 200))}1${']'.repeat(Math.min(depth, 200))}`));
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileText },
  fc.integer(),
  fc.constantFrom(2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER, 1e308, -0, 0.5),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileText, { maxLength: 3 }),
  fc.object({ maxDepth: 2 }),
  deep,
);

function schemaOf(document: Json, schema: Json | undefined): Json | undefined {
  const ref = schema?.$ref as string | undefined;
  if (!ref) return schema;
  return ref.split('/').slice(1).reduce<Json | undefined>((node, part) => node?.[part] as Json | undefined, document);
}

function operationsOf(document: Json): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths as Record<string, Record<string, Json>>)) {
    for (const [method, operation] of Object.entries(item)) {
      const parameters = (operation.parameters ?? []) as Json[];
      const content = (operation.requestBody as Json | undefined)?.content as Record<string, Json> | undefined;
      const body = schemaOf(document, content?.['application/json']?.schema as Json | undefined);
      operations.push({
        method: method.toUpperCase(),
        path,
        pathParams: parameters.filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name as string),
        queryParams: parameters.filter((parameter) => parameter.in === 'query').map((parameter) => parameter.name as string),
        bodyProperties: Object.keys((body?.properties ?? {}) as Json),
        isPublic: Array.isArray(operation.security) && operation.security.length === 0,
      });
    }
  }
  return operations;
}

describe('hostile input, fuzzed over every route', () => {
  let team: ClinicTeam;
  let operations: Operation[];
  const realIds: string[] = [];

  before(async () => {
    team = await startClinicTeam({ LIST_RATE_LIMIT_PER_MINUTE: '100000', LOGIN_MAX_FAILURES: '100', LOGIN_MAX_FAILURES_PER_ADDRESS: '100000' });
    const visits = new VisitFixture(team.accounts.prisma);
    const patientId = await visits.patient();
    const appointmentId = await visits.visit(patientId, team.clinician.id);
    const recordId = await visits.draft(appointmentId);
    const allergy = await team.accounts.prisma.allergy.create({ data: { patientId, allergen: 'Latex' } });
    const symptom = await team.accounts.prisma.symptom.create({ data: { medicalRecordId: recordId, symptomName: 'Cough' } });
    const bystander = await team.accounts.createProvider();
    realIds.push(patientId, appointmentId, recordId, allergy.id, symptom.id, bystander.id);
    const document = (await team.api.http().get('/docs-json').expect(200)).body as Json;
    operations = operationsOf(document);
  });
  after(() => team?.close());

  async function fingerprint(): Promise<string> {
    const parts = await Promise.all(
      DATA_TABLES.map(async (table) => {
        const [row] = await team.accounts.prisma.$queryRawUnsafe<{ rows: number; checksum: string }[]>(
          `SELECT count(*)::int AS rows, md5(coalesce(string_agg(t::text, '|' ORDER BY t.id), '')) AS checksum FROM "${table}" t`,
        );
        return `${table}:${row!.rows}:${row!.checksum}`;
      }),
    );
    return parts.join(' ');
  }

  it('answers every request with less than 500, and changes nothing when it refuses', async (t) => {
    const statuses = new Map<number, number>();
    const started = performance.now();
    let sent = 0;
    const roles = [team.admin, team.clinician, team.staff];
    for (const operation of operations) {
      const route = `${operation.method} ${operation.path}`;
      const ids = SESSION_ENDING.has(route) ? fc.uuid() : fc.oneof(fc.constantFrom(...realIds), fc.uuid(), hostileText);
      const request = fc.record({
        role: fc.integer({ min: 0, max: roles.length - 1 }),
        path: fc.tuple(...operation.pathParams.map(() => ids)),
        query: fc.dictionary(fc.constantFrom(...operation.queryParams, 'cursor', 'limit', 'unknown'), fc.oneof(hostileValue.map(String), cursor, fc.array(hostileText, { minLength: 2, maxLength: 3 })), { maxKeys: 4 }),
        body: fc.oneof(
          { weight: 6, arbitrary: fc.dictionary(fc.constantFrom(...operation.bodyProperties, '__proto__', 'constructor', 'isDraft', 'id', 'unknownField'), hostileValue, { maxKeys: 6 }) },
          hostileValue,
        ),
        ifMatch: fc.option(fc.constantFrom('*', '"x"', 'W/"\u00e9"', 'x'.repeat(1000), '"a", W/"b", *'), { nil: undefined }),
      });
      await fc.assert(
        fc.asyncProperty(request, async ({ role, path, query, body, ifMatch }) => {
          let url = operation.path;
          operation.pathParams.forEach((name, index) => (url = url.replace(`{${name}}`, encodeURIComponent(String(path[index])))));
          if (SESSION_ENDING.has(route)) body = { refreshToken: 'z'.repeat(43), currentPassword: 'Wrong-Password-1!', newPassword: 'x' };
          const before = await fingerprint();
          let call = team.api.http()[operation.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](url).query(query as Json);
          if (!operation.isPublic && route !== 'POST /api/v1/auth/logout-all') call = call.set(bearer(roles[role]!.accessToken));
          if (ifMatch !== undefined) call = call.set('If-Match', ifMatch);
          if (operation.method !== 'GET' && operation.method !== 'DELETE') call = call.set('Content-Type', 'application/json').send(JSON.stringify(body ?? null));
          const answer = await call;
          sent += 1;
          statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
          assert.ok(answer.status < 500, `${route} answered ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)} to ${url} ${JSON.stringify(query).slice(0, 300)} ${JSON.stringify(body)?.slice(0, 300)}`);
          if (answer.status >= 400) assert.equal(await fingerprint(), before, `${route} answered ${answer.status} but changed data`);
        }),
        { numRuns: RUNS_PER_ROUTE, seed: SEED, endOnFailure: true, verbose: 1 },
      );
    }
    const summary = [...statuses].sort(([a], [b]) => a - b).map(([status, count]) => `${status}×${count}`).join(', ');
    // The time is reported, never asserted: the budget (2 minutes) is read off CI's log.
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    t.diagnostic(`fuzz: ${sent} requests over ${operations.length} routes in ${seconds} s (${summary}); 0 answered 5xx`);
    console.log(`fuzz: ${sent} requests over ${operations.length} routes in ${seconds} s (${summary}); 0 answered 5xx`);
    assert.ok(sent >= operations.length * RUNS_PER_ROUTE);
  });
});
