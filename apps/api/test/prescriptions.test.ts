// Prescriptions of a visit note: clinicians write them on a draft; a medication matching one of
// the patient's recorded allergies (by name or by drug class) is refused unless the clinician says
// why (overrideReason, kept). A prescription is only ever reached through its own record.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { type AuthFixture, bearer, type SignedInProvider } from './support/auth.js';
import { type ClinicTeam, startClinicTeam } from './support/clinic-team.js';
import type { TestApp } from './support/test-app.js';
import { VisitFixture } from './support/visits.js';

const AMOXICILLIN = {
  medicationName: 'Amoxicillin',
  strength: '500 mg',
  dosage: '1 capsule',
  frequency: 'every 8 hours',
  duration: '10 days',
  quantity: 30,
  refills: 0,
  instructions: 'Take with food.',
  indication: 'Streptococcal pharyngitis',
};
const CETIRIZINE = { medicationName: 'Cetirizine', strength: '10 mg', dosage: '1 tablet', frequency: 'once daily', instructions: 'At night.' };

describe('prescriptions', () => {
  let team: ClinicTeam;
  let api: TestApp;
  let accounts: AuthFixture;
  let visits: VisitFixture;
  let admin: SignedInProvider;
  let clinician: SignedInProvider;
  let staff: SignedInProvider;
  before(async () => {
    team = await startClinicTeam();
    ({ api, accounts, admin, clinician, staff } = team);
    visits = new VisitFixture(accounts.prisma);
  });
  after(async () => {
    await team.close();
  });

  const asClinician = () => bearer(clinician.accessToken);
  const path = (recordId: string) => `/api/v1/records/${recordId}/prescriptions`;

  async function draftRecord(allergens: string[] = []): Promise<string> {
    const patientId = await visits.patient();
    for (const allergen of allergens) await accounts.prisma.allergy.create({ data: { patientId, allergen } });
    return visits.draft(await visits.visit(patientId, clinician.id));
  }

  async function prescribe(recordId: string, body: Record<string, unknown> = CETIRIZINE) {
    return (await api.http().post(path(recordId)).set(asClinician()).send(body).expect(201)).body as { id: string; [field: string]: unknown };
  }

  describe('POST /api/v1/records/:recordId/prescriptions', () => {
    it('prescribes on a draft, with an ETag', async () => {
      const recordId = await draftRecord();
      const response = await api.http().post(path(recordId)).set(asClinician()).send(AMOXICILLIN).expect(201);
      assert.deepEqual(
        { ...response.body, id: undefined, createdAt: undefined },
        { ...AMOXICILLIN, id: undefined, createdAt: undefined, medicalRecordId: recordId, overrideReason: null, isAIExtracted: false, reviewStatus: 'accepted' },
      );
      assert.match(response.headers.etag ?? '', /^".+"$/);
      const minimal = await prescribe(recordId);
      assert.equal(minimal.refills, 0);
      assert.equal(minimal.quantity, null);
    });

    it("refuses a medication matching the patient's allergy (409, naming it), and writes nothing", async () => {
      const recordId = await draftRecord(['Penicillin', 'Sulfa drugs (sulfonamide antibiotics)']);
      const byClass = await api.http().post(path(recordId)).set(asClinician()).send(AMOXICILLIN).expect(409);
      assert.match(byClass.body.message, /allergy to Penicillin/);
      assert.match(byClass.body.message, /penicillins/);
      assert.match(byClass.body.message, /overrideReason/);
      const bySulfa = await api.http().post(path(recordId)).set(asClinician()).send({ ...CETIRIZINE, medicationName: 'Sulfamethoxazole-trimethoprim' }).expect(409);
      assert.match(bySulfa.body.message, /Sulfa drugs/);
      const byName = await api.http().post(path(recordId)).set(asClinician()).send({ ...CETIRIZINE, medicationName: 'penicillin V potassium' }).expect(409);
      assert.match(byName.body.message, /Penicillin/);
      assert.equal(await accounts.prisma.prescription.count({ where: { medicalRecordId: recordId } }), 0);
      await prescribe(recordId, CETIRIZINE);
    });

    it('prescribes despite the allergy with an overrideReason, which is kept', async () => {
      const recordId = await draftRecord(['Penicillin']);
      const overrideReason = 'Tolerated amoxicillin in 2024 under supervision; allergy label doubtful';
      const response = await api.http().post(path(recordId)).set(asClinician()).send({ ...AMOXICILLIN, overrideReason }).expect(201);
      assert.equal(response.body.overrideReason, overrideReason);
      assert.equal((await accounts.prisma.prescription.findUniqueOrThrow({ where: { id: response.body.id } })).overrideReason, overrideReason);
    });

    it('refuses invalid prescriptions, writing nothing', async () => {
      const recordId = await draftRecord();
      const invalid: [Record<string, unknown>, string][] = [
        [{ ...CETIRIZINE, quantity: 0 }, 'quantity'],
        [{ ...CETIRIZINE, quantity: -3 }, 'quantity'],
        [{ ...CETIRIZINE, quantity: 2.5 }, 'quantity'],
        [{ ...CETIRIZINE, quantity: '30' }, 'quantity'],
        [{ ...CETIRIZINE, refills: -1 }, 'refills'],
        [{ ...CETIRIZINE, strength: undefined }, 'strength'],
        [{ ...CETIRIZINE, dosage: '' }, 'dosage'],
        [{ ...CETIRIZINE, frequency: undefined }, 'frequency'],
        [{ ...CETIRIZINE, instructions: undefined }, 'instructions'],
        [{ ...CETIRIZINE, medicationName: 7 }, 'medicationName'],
        [{ ...CETIRIZINE, isAIExtracted: true }, 'isAIExtracted'],
        [{ ...CETIRIZINE, overrideReason: '   ' }, 'overrideReason'],
      ];
      for (const [body, field] of invalid) {
        const response = await api.http().post(path(recordId)).set(asClinician()).send(body).expect(400);
        assert.ok(response.body.errors.some((error: { field: string }) => error.field === field), `${field}: ${JSON.stringify(response.body)}`);
      }
      await api.http().post(path('not-a-uuid')).set(asClinician()).send(CETIRIZINE).expect(400);
      assert.equal(await accounts.prisma.prescription.count({ where: { medicalRecordId: recordId } }), 0);
    });

    it('answers 409 on a signed record, 404 for an absent record, 401, 403 to staff and admins', async () => {
      const recordId = await draftRecord();
      await visits.sign(recordId, clinician.id);
      const signed = await api.http().post(path(recordId)).set(asClinician()).send(CETIRIZINE).expect(409);
      assert.match(signed.body.message, /signed/);
      await api.http().post(path(randomUUID())).set(asClinician()).send(CETIRIZINE).expect(404);
      const draft = await draftRecord();
      await api.http().post(path(draft)).send(CETIRIZINE).expect(401);
      await api.http().post(path(draft)).set(bearer(staff.accessToken)).send(CETIRIZINE).expect(403);
      await api.http().post(path(draft)).set(bearer(admin.accessToken)).send(CETIRIZINE).expect(403);
    });
  });

  describe('GET /api/v1/records/:recordId/prescriptions', () => {
    it("lists the record's prescriptions only, to clinicians and admins; 403 to staff; 404; 401", async () => {
      const recordId = await draftRecord();
      const other = await draftRecord();
      const written = [await prescribe(recordId), await prescribe(recordId, AMOXICILLIN)];
      await prescribe(other);
      for (const reader of [clinician, admin]) {
        const response = await api.http().get(path(recordId)).set(bearer(reader.accessToken)).expect(200);
        assert.deepEqual(new Set(response.body.data.map((row: { id: string }) => row.id)), new Set(written.map((row) => row.id)));
        assert.equal(response.body.nextCursor, null);
      }
      await api.http().get(path(recordId)).set(bearer(staff.accessToken)).expect(403);
      await api.http().get(path(recordId)).expect(401);
      await api.http().get(path(randomUUID())).set(asClinician()).expect(404);
      await api.http().get(path('1')).set(asClinician()).expect(400);
    });
  });

  describe('PATCH /api/v1/records/:recordId/prescriptions/:prescriptionId', () => {
    it('corrects the fields sent, checks a new medication against allergies, honours If-Match', async () => {
      const recordId = await draftRecord(['Ibuprofen']);
      const prescription = await prescribe(recordId);
      const response = await api.http().patch(`${path(recordId)}/${prescription.id}`).set(asClinician()).send({ refills: 2, quantity: 60 }).expect(200);
      assert.deepEqual(response.body, { ...prescription, refills: 2, quantity: 60 });
      const conflict = await api.http().patch(`${path(recordId)}/${prescription.id}`).set(asClinician()).send({ medicationName: 'Naproxen' }).expect(409);
      assert.match(conflict.body.message, /Ibuprofen/);
      await api.http().patch(`${path(recordId)}/${prescription.id}`).set(asClinician()).send({ medicationName: 'Naproxen', overrideReason: 'Short course, monitored' }).expect(200);
      // Clearing the reason of a conflicting prescription is a conflict again.
      await api.http().patch(`${path(recordId)}/${prescription.id}`).set(asClinician()).send({ overrideReason: null }).expect(409);
      await api.http().patch(`${path(recordId)}/${prescription.id}`).set(asClinician()).set('If-Match', response.headers.etag!).send({ refills: 1 }).expect(412);
    });

    it("answers 404 for another record's prescription, 400 for invalid input, 409 once signed, 403, 401", async () => {
      const recordId = await draftRecord();
      const other = await draftRecord();
      const prescription = await prescribe(other);
      await api.http().patch(`${path(recordId)}/${prescription.id}`).set(asClinician()).send({ refills: 1 }).expect(404);
      await api.http().patch(`${path(other)}/${prescription.id}`).set(asClinician()).send({ quantity: 0 }).expect(400);
      await api.http().patch(`${path(other)}/${prescription.id}`).set(asClinician()).send({ refills: -2 }).expect(400);
      await api.http().patch(`${path(other)}/${prescription.id}`).set(asClinician()).send({ strength: null }).expect(400);
      await api.http().patch(`${path(other)}/${prescription.id}`).set(bearer(staff.accessToken)).send({ refills: 1 }).expect(403);
      await api.http().patch(`${path(other)}/${prescription.id}`).send({ refills: 1 }).expect(401);
      await visits.sign(other, clinician.id);
      await api.http().patch(`${path(other)}/${prescription.id}`).set(asClinician()).send({ refills: 1 }).expect(409);
    });
  });

  describe('DELETE /api/v1/records/:recordId/prescriptions/:prescriptionId', () => {
    it("removes a draft's prescription; 404 through another record or twice; 409 once signed", async () => {
      const recordId = await draftRecord();
      const other = await draftRecord();
      const prescription = await prescribe(recordId);
      await api.http().delete(`${path(other)}/${prescription.id}`).set(asClinician()).expect(404);
      await api.http().delete(`${path(recordId)}/${prescription.id}`).set(bearer(admin.accessToken)).expect(403);
      await api.http().delete(`${path(recordId)}/${prescription.id}`).expect(401);
      await api.http().delete(`${path(recordId)}/not-a-uuid`).set(asClinician()).expect(400);
      await api.http().delete(`${path(recordId)}/${prescription.id}`).set(asClinician()).expect(204);
      await api.http().delete(`${path(recordId)}/${prescription.id}`).set(asClinician()).expect(404);
      const kept = await prescribe(other);
      await visits.sign(other, clinician.id);
      await api.http().delete(`${path(other)}/${kept.id}`).set(asClinician()).expect(409);
      assert.equal(await accounts.prisma.prescription.count({ where: { id: kept.id } }), 1);
    });
  });
});
