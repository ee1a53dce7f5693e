// A log must hold no identities or health data: a clinic day's worth of requests, logged at the
// most verbose level, and not one name, birth date, phone, email, address, password or token in
// the lines. Also: oversized bodies and malformed JSON are refused before they reach a route.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { PassThrough } from 'node:stream';
import { bearer } from './support/auth.js';
import { startClinicTeam, type ClinicTeam } from './support/clinic-team.js';

const PATIENT = {
  firstName: 'Wilhelmina',
  lastName: 'Quastenberg',
  dateOfBirth: '1961-07-14',
  sex: 'female',
  phone: '(555) 010-7733',
  email: 'wilhelmina.quastenberg@example.org',
  address: '17 Lindenhof Lane, Fairview',
  emergencyContactName: 'Bartholomew Quastenberg',
  emergencyContactPhone: '555-010-7734',
};

describe('what the logs hold', () => {
  let team: ClinicTeam;
  let logs = '';
  before(async () => {
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => (logs += chunk.toString()));
    team = await startClinicTeam({ LOG_LEVEL: 'trace', BODY_LIMIT_BYTES: '4096' }, { logStream: stream });
  });
  after(() => team.close());

  it('keeps patient identities, credentials and tokens out of every line', async () => {
    const http = team.api.http;
    const asStaff = bearer(team.staff.accessToken);
    const { body: created } = await http().post('/api/v1/patients').set(asStaff).send(PATIENT).expect(201);
    await http().get(`/api/v1/patients/${created.id}`).set(asStaff).expect(200);
    await http().get('/api/v1/patients').query({ q: 'Quastenberg, Wilhelmina' }).set(asStaff).expect(200);
    await http().get('/api/v1/patients').query({ phone: PATIENT.phone, dateOfBirth: PATIENT.dateOfBirth }).set(asStaff).expect(200);
    await http().get('/api/v1/patients').query({ email: PATIENT.email }).set(asStaff).expect(200);
    await http().patch(`/api/v1/patients/${created.id}`).set(asStaff).send({ address: '18 Lindenhof Lane' }).expect(200);
    await http().post('/api/v1/patients').set(asStaff).send({ ...PATIENT, dateOfBirth: '2999-01-01' }).expect(400);
    await http().post('/api/v1/auth/login').send({ email: 'nobody@example.org', password: 'Secret-Guess-123!' }).expect(401);
    const { body: session } = await http().post('/api/v1/auth/refresh').send({ refreshToken: team.staff.refreshToken }).expect(200);

    assert.ok(logs.includes('request completed'), 'the requests were logged');
    const secrets = [
      PATIENT.firstName, PATIENT.lastName, PATIENT.dateOfBirth, PATIENT.phone, '5550107733', PATIENT.email,
      'Lindenhof', PATIENT.emergencyContactName, 'Secret-Guess-123!', 'nobody@example.org',
      team.staff.accessToken, team.staff.refreshToken, session.accessToken, session.refreshToken,
    ];
    for (const secret of secrets) assert.ok(!logs.includes(secret), `the logs contain ${secret}`);
  });

  it('refuses a body over the configured size with 413 and writes nothing', async () => {
    const before = await team.accounts.prisma.patient.count();
    const response = await team.api
      .http()
      .post('/api/v1/patients')
      .set(bearer(team.staff.accessToken))
      .send({ ...PATIENT, address: 'x'.repeat(8_000) })
      .expect(413);
    assert.equal(response.body.statusCode, 413);
    assert.equal(await team.accounts.prisma.patient.count(), before);
  });

  it('refuses malformed JSON with 400', async () => {
    const response = await team.api
      .http()
      .post('/api/v1/patients')
      .set(bearer(team.staff.accessToken))
      .set('content-type', 'application/json')
      .send('{"firstName": "Wil')
      .expect(400);
    assert.equal(response.body.statusCode, 400);
  });
});
