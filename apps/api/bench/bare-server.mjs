// The benchmark's baseline: bare Fastify and pg, answering the benchmark's routes with the same
// statements the API sends (statements.mjs, and the API's own search code), the same audit event
// before the answer (written by the read's own statement for a read and a chart, as the API does),
// and the same HS256 access-token check. No Nest, no Prisma client, no
// validation pipe, no interceptors: what the API costs beyond this is the framework's.
//   PORT=… DATABASE_URL=… JWT_SECRET=… node apps/api/bench/bare-server.mjs
import { randomUUID } from 'node:crypto';
import { TextEncoder } from 'node:util';
import Fastify from 'fastify';
import { jwtVerify } from 'jose';
import pg from 'pg';
import { digitsOf, parseNameQuery } from '../dist/patients/patient-search.js';
import { pageRecorded } from '../dist/audit/audit-statements.js';
import { SurveyMemory } from '../dist/patients/patient-search.names.js';
import { findPatientPage } from '../dist/patients/patient-search.query.js';
import * as sql from './statements.mjs';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
const key = new TextEncoder().encode(process.env.JWT_SECRET);
const PAGE = 50;
// The API's repository remembers recent words' name counts the same way.
const surveys = new SurveyMemory();

async function callerOf(request, reply) {
  const token = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '')?.[1];
  try {
    const { payload } = await jwtVerify(token ?? '', key, { algorithms: ['HS256'], issuer: 'clinic-records-api', audience: 'clinic-records-api', typ: 'at+jwt' });
    return payload.sub;
  } catch {
    reply.code(401).send({ statusCode: 401, error: 'Unauthorized', message: 'Invalid access token' });
    return undefined;
  }
}

/** The audit event the API writes for a request, shaped as its NewAuditEvent (audit/audit-event.ts). */
function eventOf(request, actorId, entry) {
  return {
    actorId,
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId ?? null,
    patientId: entry.patientId ?? null,
    patientIds: entry.patientIds ?? [],
    clientAddress: request.ip,
    userAgent: (request.headers['user-agent'] ?? '').slice(0, 512),
    requestId: randomUUID(),
    outcome: 'success',
  };
}

/** The event's ten values, in the order the statements bind them (statements.mjs). */
const eventValues = (event) => [
  event.actorId,
  event.action,
  event.resourceType,
  event.resourceId,
  event.patientId,
  event.patientIds,
  event.clientAddress,
  event.userAgent,
  event.requestId,
  event.outcome,
];

const audit = (client, event) => client.query(sql.INSERT_AUDIT_EVENT, eventValues(event));

const rowsOf = (result) => result.rows;

function pageOf(rows, keyOf) {
  const data = rows.slice(0, PAGE);
  const nextCursor = rows.length > PAGE ? Buffer.from(JSON.stringify(keyOf(data.at(-1)))).toString('base64url') : null;
  return { data, nextCursor };
}

const app = Fastify({ logger: false });

app.get('/health/ready', async () => {
  await pool.query('SELECT 1');
  return { status: 'ok' };
});

app.get('/api/v1/patients/:id', async (request, reply) => {
  const actorId = await callerOf(request, reply);
  if (!actorId) return reply;
  const id = request.params.id;
  const [{ patient }] = rowsOf(await pool.query(sql.READ_PATIENT_RECORDED, [id, ...eventValues(eventOf(request, actorId, { action: 'read', resourceType: 'patient', resourceId: id, patientId: id }))]));
  if (!patient) return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: 'Patient not found' });
  return patient;
});

app.get('/api/v1/patients', async (request, reply) => {
  const actorId = await callerOf(request, reply);
  if (!actorId) return reply;
  const query = request.query;
  // As the API without replicas: the page statement writes the search's event itself (pageRecorded).
  const event = eventOf(request, actorId, { action: 'search', resourceType: 'patient' });
  const found = await findPatientPage(
    {
      ...parseNameQuery(query.q),
      dateOfBirth: query.dateOfBirth,
      phoneDigits: query.phone === undefined ? undefined : digitsOf(query.phone),
      email: query.email,
      includeArchived: query.includeArchived === 'true',
      take: PAGE + 1,
    },
    {
      rows: (statement) => pool.query(statement.text, statement.values).then(rowsOf),
      surveys,
      recordedPage: (statement, recording) => {
        const recorded = pageRecorded(statement, event, recording);
        return pool.query(recorded.text, recorded.values).then(rowsOf);
      },
    },
  );
  const page = pageOf(found.rows, (row) => [row.lastName, row.firstName, row.id]);
  if (!found.recorded) await audit(pool, { ...event, patientIds: page.data.map((row) => row.id) });
  return page;
});

app.get('/api/v1/patients/:id/chart', async (request, reply) => {
  const actorId = await callerOf(request, reply);
  if (!actorId) return reply;
  const id = request.params.id;
  const since = new Date(Date.now() - 90 * 24 * 3600 * 1000).toISOString();
  const parts = [id, id, id, ['active'], id, 10, id, 10, id, id, since];
  const [chart] = rowsOf(await pool.query(sql.CHART_RECORDED, [...parts, ...eventValues(eventOf(request, actorId, { action: 'read', resourceType: 'chart', resourceId: id, patientId: id }))]));
  if (!chart.patient) return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: 'Patient not found' });
  return chart;
});

app.get('/api/v1/appointments', async (request, reply) => {
  const actorId = await callerOf(request, reply);
  if (!actorId) return reply;
  const { providerId, from, to } = request.query;
  const rows = rowsOf(await pool.query(sql.PROVIDER_DAY, [providerId, new Date(from), new Date(to), PAGE + 1, 0]));
  const page = pageOf(rows, (row) => [row.appointmentDate.toISOString(), row.id]);
  await audit(pool, eventOf(request, actorId, { action: 'search', resourceType: 'appointment', patientIds: [...new Set(page.data.map((row) => row.patientId))] }));
  return page;
});

app.post('/api/v1/patients', async (request, reply) => {
  const actorId = await callerOf(request, reply);
  if (!actorId) return reply;
  const body = request.body;
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const now = new Date();
    const [patient] = rowsOf(
      await client.query(sql.CREATE_PATIENT, [
        body.firstName,
        body.lastName,
        body.dateOfBirth,
        body.sex,
        body.phone,
        body.email ?? null,
        body.address ?? null,
        body.emergencyContactName,
        body.emergencyContactPhone,
        body.emergencyContactRelationship ?? null,
        now,
        now,
      ]),
    );
    await audit(client, eventOf(request, actorId, { action: 'create', resourceType: 'patient', resourceId: patient.id, patientId: patient.id }));
    await client.query('COMMIT');
    return reply.code(201).send(patient);
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  } finally {
    client.release();
  }
});

await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
process.once('SIGTERM', () => void app.close().then(() => pool.end()).then(() => process.exit(0)));
