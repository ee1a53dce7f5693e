// The AI scribe's jobs: a visit's transcript or recording becomes a draft record with extracted
// symptoms and prescriptions, through a real pg-boss queue on the suite's database and a fake
// OpenAI-compatible server on 127.0.0.1 (transcription and chat completions). The API connects as
// clinic_app, as in production: the queue's schema and grants come from the migrations.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { bearer, type SignedInProvider } from './support/auth.js';
import { type ClinicTeam, startClinicTeam } from './support/clinic-team.js';
import { completed, FakeOpenAi, json, rateLimited, silence, transcribed, wav, webm } from './support/fake-openai.js';
import { ConfigInvalid, loadConfig } from '../src/config/app-config.js';
import { startAppOn } from './support/test-app.js';
import { VisitFixture } from './support/visits.js';

const TRANSCRIPT = [
  'Doctor: What brings you in today?',
  "Patient: I've had a sore throat for three days, and a fever since yesterday.",
  'Doctor: Any cough?',
  'Patient: No.',
  "Doctor: This looks like strep throat. I'll prescribe amoxicillin 500 mg twice a day for 10 days.",
  'Doctor: Come back if you are not better in three days.',
].join('\n');

/** Words of the transcript that must never reach a log line. */
const SECRET_WORDS = ['sore throat for three days', 'amoxicillin', 'strep throat'];

/** An llm extraction as a model would answer it. */
const LLM_EXTRACTION = {
  note: { chiefComplaint: 'Cough', historyOfPresentIllness: null, diagnosis: 'Bronchitis', treatmentPlan: null, followUpInstructions: null },
  symptoms: [{ symptomName: 'Cough', bodySite: null, severity: 4, duration: '1 week', notes: null }],
  prescriptions: [],
};

const FINISHED = new Set(['ready', 'failed']);

describe('the AI scribe', () => {
  let fake: FakeOpenAi;
  let team: ClinicTeam;
  let visits: VisitFixture;
  let clinician: SignedInProvider;
  let admin: SignedInProvider;
  let staff: SignedInProvider;
  let audioDir: string;
  let logs = '';
  let env: Record<string, string>;

  before(async () => {
    fake = await FakeOpenAi.start();
    audioDir = await mkdtemp(path.join(tmpdir(), 'scribe-audio-'));
    env = {
      LOG_LEVEL: 'info',
      TRANSCRIPTION_BASE_URL: fake.baseUrl,
      TRANSCRIPTION_API_KEY: 'sk-test-transcription-key-never-logged',
      TRANSCRIPTION_TIMEOUT_MS: '1000',
      SCRIBE_STORAGE_DIR: audioDir,
      SCRIBE_RETRY_LIMIT: '2',
      SCRIBE_RETRY_DELAY_SECONDS: '1',
      SCRIBE_MAX_AUDIO_BYTES: '4096',
    };
    const stream = new PassThrough();
    stream.on('data', (chunk: Buffer) => (logs += chunk.toString()));
    team = await startClinicTeam(env, { logStream: stream });
    ({ clinician, admin, staff } = team);
    visits = new VisitFixture(team.accounts.prisma);
  });
  after(async () => {
    await team.close();
    await fake.close();
    await rm(audioDir, { recursive: true, force: true });
  });

  const http = () => team.api.http();
  const asClinician = () => bearer(clinician.accessToken);
  const scribePath = (appointmentId: string) => `/api/v1/appointments/${appointmentId}/scribe`;
  const newVisit = async (status: 'completed' | 'in_progress' | 'cancelled' | 'scheduled' = 'in_progress') => visits.visit(await visits.patient(), clinician.id, { status });

  async function untilFinished(jobId: string, get = http, timeoutMs = 30_000): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { body } = await get().get(`/api/v1/scribe-jobs/${jobId}`).set(asClinician()).expect(200);
      if (FINISHED.has(body.status)) return body;
      if (Date.now() > deadline) assert.fail(`job ${jobId} still ${body.status} after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  async function postTranscript(appointmentId: string, transcript = TRANSCRIPT): Promise<Record<string, unknown>> {
    const response = await http().post(scribePath(appointmentId)).set(asClinician()).send({ transcript }).expect(202);
    assert.equal(response.headers.location, `/api/v1/scribe-jobs/${response.body.id}`);
    return response.body;
  }

  const itemsOf = async (recordId: string) => ({
    symptoms: (await http().get(`/api/v1/records/${recordId}/symptoms`).set(asClinician()).expect(200)).body.data,
    prescriptions: (await http().get(`/api/v1/records/${recordId}/prescriptions`).set(asClinician()).expect(200)).body.data,
  });

  describe('POST /api/v1/appointments/:id/scribe with a transcript', () => {
    it('answers 202 with the job, and the job writes a draft with the extracted items', async () => {
      const appointmentId = await newVisit();
      const job = await postTranscript(appointmentId);
      assert.equal(job.status, 'queued');
      assert.equal(job.source, 'transcript');
      assert.equal(job.appointmentId, appointmentId);
      assert.equal(job.recordId, null);
      assert.equal('transcript' in job, false, 'the job never shows its transcript');

      const ready = await untilFinished(job.id as string);
      assert.equal(ready.status, 'ready');
      assert.equal(ready.error, null);
      assert.ok(ready.finishedAt);
      const { body: record } = await http().get(`/api/v1/appointments/${appointmentId}/record`).set(asClinician()).expect(200);
      assert.equal(record.id, ready.recordId);
      assert.equal(record.isDraft, true);
      assert.equal(record.isAIGenerated, true);
      assert.equal(record.transcript, TRANSCRIPT);
      assert.equal(record.audioFileUrl, null);
      assert.equal(record.diagnosis, 'Strep throat');
      assert.match(record.chiefComplaint, /Sore throat/);

      const { symptoms, prescriptions } = await itemsOf(record.id);
      assert.deepEqual(symptoms.map((s: { symptomName: string }) => s.symptomName).sort(), ['Fever', 'Sore throat']);
      assert.ok(symptoms.every((s: { isAIExtracted: boolean }) => s.isAIExtracted));
      assert.equal(prescriptions.length, 1);
      assert.equal(prescriptions[0].medicationName, 'Amoxicillin');
      assert.equal(prescriptions[0].strength, '500 mg');
      assert.equal(prescriptions[0].isAIExtracted, true);
      const prisma = team.accounts.prisma;
      const pending = { medicalRecordId: record.id, isAIExtracted: true, reviewStatus: 'pending' };
      assert.equal(await prisma.symptom.count({ where: pending }), 2, 'extracted symptoms await review');
      assert.equal(await prisma.prescription.count({ where: pending }), 1, 'the extracted prescription awaits review');

      const { body: list } = await http().get(`/api/v1/appointments/${appointmentId}/scribe-jobs`).set(bearer(admin.accessToken)).expect(200);
      assert.deepEqual(list.map((j: { id: string }) => j.id), [job.id]);
    });

    it('fills only the note fields the clinician has not written', async () => {
      const appointmentId = await newVisit('completed');
      await http().put(`/api/v1/appointments/${appointmentId}/record`).set(asClinician()).send({ diagnosis: 'Viral pharyngitis' }).expect(200);
      const job = await postTranscript(appointmentId);
      assert.equal((await untilFinished(job.id as string)).status, 'ready');
      const { body: record } = await http().get(`/api/v1/appointments/${appointmentId}/record`).set(asClinician()).expect(200);
      assert.equal(record.diagnosis, 'Viral pharyngitis', "the clinician's diagnosis stays");
      assert.match(record.chiefComplaint, /Sore throat/);
      assert.match(record.treatmentPlan, /amoxicillin/);
    });

    it('records the job, and the draft with its items, in the audit trail under the clinician and the patient', async () => {
      const patientId = await visits.patient();
      const appointmentId = await visits.visit(patientId, clinician.id, { status: 'in_progress' });
      const job = await postTranscript(appointmentId);
      await untilFinished(job.id as string);
      const events = await team.accounts.prisma.auditEvent.findMany({ where: { patientId }, orderBy: { occurredAt: 'asc' } });
      const created = events.find((e) => e.resourceType === 'scribe_job' && e.action === 'create');
      assert.ok(created);
      assert.equal(created.resourceId, job.id);
      assert.equal(created.actorId, clinician.id);
      const draft = events.filter((e) => ['medical_record', 'symptom', 'prescription'].includes(e.resourceType) && e.action === 'create');
      assert.equal(draft.length, 4, 'the record, two symptoms and a prescription');
      assert.ok(draft.every((e) => e.actorId === clinician.id && e.requestId === `scribe-job-${job.id}`));
    });

    it('refuses a second job while one is running (409), and a signed record (409)', async () => {
      const appointmentId = await newVisit();
      // Queued straight into the table, so no worker finishes it before the second request.
      await team.accounts.prisma.scribeJob.create({ data: { appointmentId, source: 'transcript', transcript: 'x', createdById: clinician.id, status: 'extracting' } });
      const refused = await http().post(scribePath(appointmentId)).set(asClinician()).send({ transcript: TRANSCRIPT }).expect(409);
      assert.match(refused.body.message, /still running/);

      const signedVisit = await newVisit('completed');
      await http().put(`/api/v1/appointments/${signedVisit}/record`).set(asClinician()).send({ diagnosis: 'Done' }).expect(200);
      await http().post(`/api/v1/appointments/${signedVisit}/record/sign`).set(asClinician()).expect(200);
      await http().post(scribePath(signedVisit)).set(asClinician()).send({ transcript: TRANSCRIPT }).expect(409);
      assert.equal(await team.accounts.prisma.scribeJob.count({ where: { appointmentId: signedVisit } }), 0);
    });

    it('refuses a visit that has not started or did not take place (409)', async () => {
      for (const status of ['scheduled', 'cancelled'] as const) {
        await http().post(scribePath(await newVisit(status))).set(asClinician()).send({ transcript: TRANSCRIPT }).expect(409);
      }
    });

    it('answers 400 to a missing, blank, too long or extra field, and to a bad id; nothing is written', async () => {
      const appointmentId = await newVisit();
      for (const body of [{}, { transcript: '   ' }, { transcript: 42 }, { transcript: 'x'.repeat(100_001) }, { transcript: 'ok', isAIGenerated: true }]) {
        const response = await http().post(scribePath(appointmentId)).set(asClinician()).send(body).expect(400);
        assert.ok(Array.isArray(response.body.errors));
      }
      await http().post(scribePath('not-a-uuid')).set(asClinician()).send({ transcript: TRANSCRIPT }).expect(400);
      assert.equal(await team.accounts.prisma.scribeJob.count({ where: { appointmentId } }), 0);
    });

    it('answers 401 without a token, 403 to staff, 404 to an unknown visit', async () => {
      const appointmentId = await newVisit();
      await http().post(scribePath(appointmentId)).send({ transcript: TRANSCRIPT }).expect(401);
      await http().post(scribePath(appointmentId)).set(bearer(staff.accessToken)).send({ transcript: TRANSCRIPT }).expect(403);
      await http().post(scribePath(randomUUID())).set(asClinician()).send({ transcript: TRANSCRIPT }).expect(404);
      assert.equal(await team.accounts.prisma.scribeJob.count({ where: { appointmentId } }), 0);
    });
  });

  describe('POST /api/v1/appointments/:id/scribe with a recording', () => {
    it('stores the recording (0600, named by the job), transcribes it and serves it back to clinicians only', async () => {
      fake.reply(transcribed(TRANSCRIPT));
      const appointmentId = await newVisit();
      const recording = wav();
      const { body: job } = await http()
        .post(scribePath(appointmentId))
        .set(asClinician())
        .attach('audio', recording, { filename: 'Jane Doe visit.wav', contentType: 'application/octet-stream' })
        .expect(202);
      assert.equal(job.source, 'audio');
      const ready = await untilFinished(job.id);
      assert.equal(ready.status, 'ready', String(ready.error));

      const sent = fake.received.at(-1)!;
      assert.equal(sent.path, '/v1/audio/transcriptions');
      assert.equal(sent.headers.authorization, 'Bearer sk-test-transcription-key-never-logged');
      assert.ok(!sent.body.includes('Jane Doe'), 'the provider never sees the uploaded file name');

      assert.deepEqual((await readdir(audioDir)).filter((name) => name.startsWith(job.id)).sort(), [job.id, `${job.id}.type`]);
      assert.equal((await stat(path.join(audioDir, job.id))).mode & 0o777, 0o600);

      const { body: record } = await http().get(`/api/v1/appointments/${appointmentId}/record`).set(asClinician()).expect(200);
      assert.equal(record.audioFileUrl, `/api/v1/appointments/${appointmentId}/record/audio`);
      assert.equal(record.transcript, TRANSCRIPT);
      assert.equal((await itemsOf(record.id)).prescriptions.length, 1);

      const audio = await http().get(record.audioFileUrl).set(asClinician()).buffer(true).parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      }).expect(200);
      assert.equal(audio.headers['content-type'], 'audio/wav');
      assert.equal(audio.headers['cache-control'], 'no-store');
      assert.ok(Buffer.compare(audio.body as Buffer, recording) === 0);
      await http().get(record.audioFileUrl).set(bearer(staff.accessToken)).expect(403);
      await http().get(record.audioFileUrl).expect(401);
      await http().get(`/api/v1/appointments/${await newVisit()}/record/audio`).set(asClinician()).expect(404);
      const reads = await team.accounts.prisma.auditEvent.count({ where: { resourceType: 'record_audio', resourceId: record.id, action: 'read', actorId: clinician.id } });
      assert.equal(reads, 1);
    });

    it('accepts WebM', async () => {
      fake.reply(transcribed(TRANSCRIPT));
      const { body: job } = await http().post(scribePath(await newVisit())).set(asClinician()).attach('audio', webm(), 'visit.webm').expect(202);
      assert.equal((await untilFinished(job.id)).status, 'ready');
    });

    it('refuses a file larger than SCRIBE_MAX_AUDIO_BYTES (413) and one that is no recording (415)', async () => {
      const appointmentId = await newVisit();
      await http().post(scribePath(appointmentId)).set(asClinician()).attach('audio', wav(4_000), 'long.wav').expect(413);
      const notAudio = await http().post(scribePath(appointmentId)).set(asClinician()).attach('audio', Buffer.from('%PDF-1.7 not audio at all'), { filename: 'a.wav', contentType: 'audio/wav' }).expect(415);
      assert.match(notAudio.body.message, /WAV, MP3/);
      await http().post(scribePath(appointmentId)).set(asClinician()).attach('recording', wav(), 'a.wav').expect(400);
      assert.equal(await team.accounts.prisma.scribeJob.count({ where: { appointmentId } }), 0);
    });

    it('refuses an upload on any other route (415)', async () => {
      await http().post('/api/v1/patients').set(asClinician()).attach('audio', wav(), 'a.wav').expect(415);
    });

    it('retries a transcription that timed out or was rate-limited, and fails one the provider refuses, leaving the record as it was', async () => {
      fake.reply(silence()).reply(rateLimited).reply(transcribed(TRANSCRIPT));
      const retried = (await http().post(scribePath(await newVisit())).set(asClinician()).attach('audio', wav(), 'a.wav').expect(202)).body;
      assert.equal((await untilFinished(retried.id, http, 60_000)).status, 'ready');

      fake.reply((_request, response) => json(response, 400, { error: { message: 'Invalid file format.', type: 'invalid_request_error', code: 'invalid_value' } }));
      const appointmentId = await newVisit();
      await http().put(`/api/v1/appointments/${appointmentId}/record`).set(asClinician()).send({ diagnosis: 'Written by hand' }).expect(200);
      const { body: before } = await http().get(`/api/v1/appointments/${appointmentId}/record`).set(asClinician()).expect(200);
      const refused = (await http().post(scribePath(appointmentId)).set(asClinician()).attach('audio', wav(), 'a.wav').expect(202)).body;
      const failed = await untilFinished(refused.id);
      assert.equal(failed.status, 'failed');
      assert.match(String(failed.error), /transcription provider failed: rejected/);
      assert.equal(failed.recordId, null);
      const { body: afterwards } = await http().get(`/api/v1/appointments/${appointmentId}/record`).set(asClinician()).expect(200);
      assert.deepEqual(afterwards, before);
      assert.deepEqual(await itemsOf(before.id), { symptoms: [], prescriptions: [] });

      // The visit's one unfinished place is free again.
      fake.reply(transcribed(TRANSCRIPT));
      const again = (await http().post(scribePath(appointmentId)).set(asClinician()).attach('audio', wav(), 'a.wav').expect(202)).body;
      assert.equal((await untilFinished(again.id)).status, 'ready');
    });
  });

  describe('GET /api/v1/scribe-jobs/:jobId and /appointments/:id/scribe-jobs', () => {
    it('answers 400, 401, 403 and 404', async () => {
      await http().get('/api/v1/scribe-jobs/not-a-uuid').set(asClinician()).expect(400);
      await http().get(`/api/v1/scribe-jobs/${randomUUID()}`).set(asClinician()).expect(404);
      await http().get(`/api/v1/scribe-jobs/${randomUUID()}`).expect(401);
      await http().get(`/api/v1/scribe-jobs/${randomUUID()}`).set(bearer(staff.accessToken)).expect(403);
      await http().get(`/api/v1/appointments/${randomUUID()}/scribe-jobs`).set(asClinician()).expect(404);
      await http().get(`/api/v1/appointments/${await newVisit()}/scribe-jobs`).set(bearer(staff.accessToken)).expect(403);
    });
  });

  describe('the runner', () => {
    it('fails a job whose record was signed before its draft was ready, and adds nothing', async () => {
      const appointmentId = await newVisit('completed');
      await http().put(`/api/v1/appointments/${appointmentId}/record`).set(asClinician()).send({ diagnosis: 'Signed first' }).expect(200);
      // A job already past the API's checks (queued straight into the table, no message: no worker takes it)...
      const job = await team.accounts.prisma.scribeJob.create({ data: { appointmentId, source: 'transcript', transcript: TRANSCRIPT, createdById: clinician.id } });
      // ...then the clinician signs before the job runs.
      const { body: signed } = await http().post(`/api/v1/appointments/${appointmentId}/record/sign`).set(asClinician()).expect(200);
      const { ScribeRunner } = await import('../src/scribe/scribe-runner.js');
      await team.api.app.get(ScribeRunner).run(job.id, { retryCount: 0, retryLimit: 2 });
      const { body: failed } = await http().get(`/api/v1/scribe-jobs/${job.id}`).set(asClinician()).expect(200);
      assert.equal(failed.status, 'failed');
      assert.match(failed.error, /signed before the draft was ready/);
      const { body: record } = await http().get(`/api/v1/appointments/${appointmentId}/record`).set(asClinician()).expect(200);
      assert.deepEqual(record, signed);
      assert.deepEqual(await itemsOf(record.id), { symptoms: [], prescriptions: [] });
    });

    it('never adds a draft twice for one job, however often the queue delivers it', async () => {
      const appointmentId = await newVisit();
      const job = await postTranscript(appointmentId);
      await untilFinished(job.id as string);
      const { ScribeRunner } = await import('../src/scribe/scribe-runner.js');
      const runner = team.api.app.get(ScribeRunner);
      await runner.run(job.id as string, { retryCount: 0, retryLimit: 2 });
      const { body: record } = await http().get(`/api/v1/appointments/${appointmentId}/record`).set(asClinician()).expect(200);
      const { symptoms, prescriptions } = await itemsOf(record.id);
      assert.equal(symptoms.length, 2);
      assert.equal(prescriptions.length, 1);
    });
  });

  it('keeps transcripts, recordings and provider keys out of the logs', () => {
    assert.ok(logs.includes('scribe job'), 'the jobs were logged');
    for (const words of [...SECRET_WORDS, 'sk-test-transcription-key-never-logged', 'RIFF']) {
      assert.ok(!logs.toLowerCase().includes(words.toLowerCase()), `the logs hold "${words}"`);
    }
  });
});

describe('the AI scribe across processes and engines', () => {
  let fake: FakeOpenAi;
  before(async () => {
    fake = await FakeOpenAi.start();
  });
  after(() => fake.close());

  const scribePath = (appointmentId: string) => `/api/v1/appointments/${appointmentId}/scribe`;

  async function untilFinished(http: () => ReturnType<ClinicTeam['api']['http']>, token: string, jobId: string, timeoutMs = 30_000): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { body } = await http().get(`/api/v1/scribe-jobs/${jobId}`).set(bearer(token)).expect(200);
      if (FINISHED.has(body.status)) return body;
      if (Date.now() > deadline) assert.fail(`job ${jobId} still ${body.status} after ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  it('a job queued while no worker runs completes when a process with a worker starts (SCRIBE_WORKER=off, then inline)', async () => {
    const team = await startClinicTeam({ SCRIBE_WORKER: 'off' });
    try {
      const visits = new VisitFixture(team.accounts.prisma);
      const appointmentId = await visits.visit(await visits.patient(), team.clinician.id);
      const { body: job } = await team.api.http().post(scribePath(appointmentId)).set(bearer(team.clinician.accessToken)).send({ transcript: TRANSCRIPT }).expect(202);
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      const { body: waiting } = await team.api.http().get(`/api/v1/scribe-jobs/${job.id}`).set(bearer(team.clinician.accessToken)).expect(200);
      assert.equal(waiting.status, 'queued', 'no worker took it');

      const worker = await startAppOn(team.api.database, { SCRIBE_WORKER: 'inline' });
      try {
        assert.equal((await untilFinished(worker.http, team.clinician.accessToken, job.id)).status, 'ready');
      } finally {
        await worker.close();
      }
    } finally {
      await team.close();
    }
  });

  it('llm: fails a job whose answer is malformed, with the reason; retries a rate-limited one; 422 for a recording without transcription', async () => {
    const team = await startClinicTeam({ SCRIBE_EXTRACTOR: 'llm', SCRIBE_LLM_BASE_URL: fake.baseUrl, SCRIBE_LLM_MODEL: 'test-model', SCRIBE_RETRY_DELAY_SECONDS: '1' });
    try {
      const http = team.api.http;
      const token = team.clinician.accessToken;
      const visits = new VisitFixture(team.accounts.prisma);
      const newVisit = async () => visits.visit(await visits.patient(), team.clinician.id);

      // No transcription service in this configuration: a recording is refused, a transcript is not.
      const unheard = await newVisit();
      const refused = await http().post(scribePath(unheard)).set(bearer(token)).attach('audio', wav(), 'a.wav').expect(422);
      assert.match(refused.body.message, /TRANSCRIPTION_BASE_URL/);
      assert.match(refused.body.message, /send the transcript instead/);
      assert.equal(await team.accounts.prisma.scribeJob.count({ where: { appointmentId: unheard } }), 0);

      fake.replyAlways(completed('{"note": this is not json'));
      const broken = (await http().post(scribePath(await newVisit())).set(bearer(token)).send({ transcript: TRANSCRIPT }).expect(202)).body;
      const failed = await untilFinished(http, token, broken.id);
      assert.equal(failed.status, 'failed');
      assert.match(String(failed.error), /extraction provider failed/);

      fake.replyAlways(completed(JSON.stringify(LLM_EXTRACTION)));
      fake.reply(rateLimited);
      const appointmentId = await newVisit();
      const ok = (await http().post(scribePath(appointmentId)).set(bearer(token)).send({ transcript: TRANSCRIPT }).expect(202)).body;
      assert.equal((await untilFinished(http, token, ok.id, 60_000)).status, 'ready');
      const { body: record } = await http().get(`/api/v1/appointments/${appointmentId}/record`).set(bearer(token)).expect(200);
      assert.equal(record.diagnosis, 'Bronchitis');
      const { body: symptoms } = await http().get(`/api/v1/records/${record.id}/symptoms`).set(bearer(token)).expect(200);
      assert.equal(symptoms.data.length, 1);
    } finally {
      await team.close();
    }
  });
});

describe('the AI scribe\'s configuration', () => {
  const base = { NODE_ENV: 'test' };

  it('defaults to the inline worker, the rules engine, local storage and no transcription', () => {
    const { scribe } = loadConfig(base);
    assert.equal(scribe.worker, 'inline');
    assert.deepEqual(scribe.extractor, { kind: 'rules' });
    assert.deepEqual(scribe.storage, { kind: 'local', directory: '.data/scribe-audio' });
    assert.equal(scribe.transcription, undefined);
    assert.equal(scribe.maxAudioBytes, 50 * 1024 * 1024);
  });

  it('refuses an llm extractor without its service, an s3 store without its bucket, and half a key pair', () => {
    assert.throws(() => loadConfig({ ...base, SCRIBE_EXTRACTOR: 'llm' }), (error: unknown) => error instanceof ConfigInvalid && /SCRIBE_LLM_BASE_URL/.test(error.message));
    assert.throws(() => loadConfig({ ...base, SCRIBE_STORAGE: 's3' }), (error: unknown) => error instanceof ConfigInvalid && /SCRIBE_S3_BUCKET/.test(error.message));
    assert.throws(
      () => loadConfig({ ...base, SCRIBE_STORAGE: 's3', SCRIBE_S3_BUCKET: 'b', SCRIBE_S3_ACCESS_KEY_ID: 'id' }),
      (error: unknown) => error instanceof ConfigInvalid && /SCRIBE_S3_SECRET_ACCESS_KEY/.test(error.message),
    );
    assert.throws(() => loadConfig({ ...base, SCRIBE_WORKER: 'sometimes' }), ConfigInvalid);
  });
});

