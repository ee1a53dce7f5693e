// A clinic day from the front desk to a signed note, through every feature that touches patient
// data: afterwards the audit trail holds exactly one event per request, tied to it by request id.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import type { Response } from 'supertest';
import { bearer } from './support/auth.js';
import { startClinicTeam, type ClinicTeam } from './support/clinic-team.js';

describe('the audit trail after a clinic day', () => {
  let team: ClinicTeam;
  const requestIds: string[] = [];

  before(async () => {
    team = await startClinicTeam();
  });
  after(() => team.close());

  /** Every request of the day is audited; its id is kept to find its event. */
  function audited(response: Response): Response {
    requestIds.push(response.headers['x-request-id'] as string);
    return response;
  }

  it('holds exactly one event per audited request', async () => {
    const http = team.api.http;
    const desk = bearer(team.staff.accessToken);
    const doctor = bearer(team.clinician.accessToken);
    const admin = bearer(team.admin.accessToken);

    const patient = audited(
      await http()
        .post('/api/v1/patients')
        .set(desk)
        .send({
          firstName: 'Rosalind',
          lastName: 'Examplewood',
          dateOfBirth: '1979-04-02',
          sex: 'female',
          phone: '555-010-4400',
          emergencyContactName: 'Hal Examplewood',
          emergencyContactPhone: '555-010-4401',
        })
        .expect(201),
    ).body as { id: string };
    audited(await http().get('/api/v1/patients').query({ q: 'Examplewood' }).set(desk).expect(200));
    audited(await http().get(`/api/v1/patients/${patient.id}`).set(desk).expect(200));
    audited(
      await http()
        .post(`/api/v1/patients/${patient.id}/allergies`)
        .set(doctor)
        .send({ allergen: 'Penicillin', severity: 'moderate' })
        .expect(201),
    );
    audited(await http().get(`/api/v1/patients/${patient.id}/allergies`).set(desk).expect(200));

    const visit = audited(
      await http()
        .post('/api/v1/appointments')
        .set(desk)
        .send({
          patientId: patient.id,
          providerId: team.clinician.id,
          appointmentDate: new Date(Date.now() + 3_600_000).toISOString(),
          appointmentType: 'sick_visit',
          durationMinutes: 20,
        })
        .expect(201),
    ).body as { id: string };
    audited(await http().post(`/api/v1/appointments/${visit.id}/check-in`).set(desk).expect(200));
    audited(
      await http()
        .put(`/api/v1/appointments/${visit.id}/vitals`)
        .set(desk)
        .send({ bloodPressureSystolic: 124, bloodPressureDiastolic: 78, heartRate: 72, weight: 64.5, height: 168 })
        .expect((response) => assert.ok([200, 201].includes(response.status))),
    );
    audited(await http().post(`/api/v1/appointments/${visit.id}/start`).set(doctor).expect(200));

    const record = audited(
      await http()
        .put(`/api/v1/appointments/${visit.id}/record`)
        .set(doctor)
        .send({ chiefComplaint: 'Sore throat', diagnosis: 'Viral pharyngitis', treatmentPlan: 'Rest and fluids' })
        .expect(200),
    ).body as { id: string };
    audited(
      await http()
        .post(`/api/v1/records/${record.id}/symptoms`)
        .set(doctor)
        .send({ symptomName: 'Sore throat', severity: 5 })
        .expect(201),
    );
    audited(
      await http()
        .post(`/api/v1/records/${record.id}/prescriptions`)
        .set(doctor)
        .send({ medicationName: 'Ibuprofen', strength: '400 mg', dosage: '1 tablet', frequency: 'every 8 hours', instructions: 'With food', quantity: 15, refills: 0 })
        .expect(201),
    );
    audited(await http().post(`/api/v1/appointments/${visit.id}/record/sign`).set(doctor).expect((response) => assert.ok([200, 201].includes(response.status))));
    audited(await http().post(`/api/v1/appointments/${visit.id}/complete`).set(doctor).expect(200));
    audited(await http().get(`/api/v1/patients/${patient.id}/chart`).set(doctor).expect(200));
    audited(await http().get(`/api/v1/patients/${patient.id}/chart`).set(desk).expect(200));
    audited(await http().get(`/api/v1/patients/${patient.id}/audit-events`).set(admin).expect(200));

    const sql = new pg.Client({ connectionString: team.api.database.url });
    await sql.connect();
    try {
      const { rows } = await sql.query<{ requestId: string; events: number }>(
        `SELECT "requestId", count(*)::int AS events FROM audit_events WHERE "requestId" = ANY($1) GROUP BY "requestId"`,
        [requestIds],
      );
      const eventsByRequest = new Map(rows.map((row) => [row.requestId, row.events]));
      assert.equal(requestIds.length, 17);
      for (const requestId of requestIds) assert.equal(eventsByRequest.get(requestId), 1, `request ${requestId}`);
    } finally {
      await sql.end();
    }
  });
});
