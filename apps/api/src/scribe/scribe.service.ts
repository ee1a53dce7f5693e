import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { detectAudioType, TRANSCRIPT_MAX_LENGTH } from '@clinic/scribe';
import type { FastifyRequest } from 'fastify';
import { AppointmentsService } from '../appointments/appointments.service.js';
import { AuditTrail } from '../audit/audit-trail.js';
import { invalidInput } from '../common/validation.js';
import type { AuthenticatedProvider } from '../identity/authenticated-provider.js';
import { RecordSigned } from '../records/records.errors.js';
import { RecordsService } from '../records/records.service.js';
import { type ScribeJobDto, toScribeJobDto } from './dto/scribe-job.dto.js';
import { ScribeEngines } from './scribe-engines.js';
import { SCRIBE_JOB, ScribeJobsRepository } from './scribe-jobs.repository.js';
import { ScribeQueue } from './scribe-queue.js';
import {
  RecordingFormatUnsupported,
  RecordingNotFound,
  RecordingTooLarge,
  ScribeJobNotFound,
  ScribeJobRunning,
  TranscriptionNotConfigured,
  VisitNotStarted,
} from './scribe.errors.js';

/** The trail's word for reading a visit's recording. */
const RECORD_AUDIO = 'record_audio';

// The scribe drafts a visit that is happening or has happened.
const VISIT_HELD = new Set(['in_progress', 'completed']);

/** A recording, as served by GET /appointments/:id/record/audio. */
export interface Recording {
  bytes: Uint8Array;
  contentType: string;
}

/** What a job starts from: the JSON body's transcript, or the uploaded recording. */
type ScribeInput = { source: 'transcript'; transcript: string } | { source: 'audio'; bytes: Uint8Array; contentType: string };

@Injectable()
export class ScribeService {
  constructor(
    private readonly jobs: ScribeJobsRepository,
    private readonly queue: ScribeQueue,
    private readonly engines: ScribeEngines,
    private readonly appointments: AppointmentsService,
    private readonly records: RecordsService,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * Queues a job for the visit: 202 with the job. The visit's state is checked before the body is
   * read, so a refused upload is never stored; the recording is stored under the job's id before
   * the job's row commits (a row never names a recording that is not there).
   */
  async startJob(appointmentId: string, request: FastifyRequest, requester: AuthenticatedProvider): Promise<ScribeJobDto> {
    const visit = await this.appointments.findAuditedAppointmentOrFail(appointmentId, 'create');
    if (!VISIT_HELD.has(visit.status)) throw new VisitNotStarted(visit.status);
    const record = await this.records.findRecordHeaderOfVisit(visit.id);
    if (record?.signedAt) throw new RecordSigned();
    if (await this.jobs.hasUnfinishedJob(visit.id)) throw new ScribeJobRunning();

    const input = request.isMultipart() ? await this.uploadedRecording(request) : readTranscript(request.body);
    const id = randomUUID();
    if (input.source === 'audio') await this.engines.audio.put(id, input.bytes, input.contentType);
    const job = await this.jobs.createJob(
      visit,
      input.source === 'audio'
        ? { id, source: 'audio', audio: { id, contentType: input.contentType }, createdById: requester.id }
        : { id, source: 'transcript', transcript: input.transcript, createdById: requester.id },
    );
    try {
      await this.queue.send(job.id);
    } catch (error) {
      // Not queued: the job must not hold the visit's one unfinished place.
      await this.jobs.fail(job.id, 'the job could not be queued').catch(() => undefined);
      throw error;
    }
    return toScribeJobDto(job);
  }

  async getJob(jobId: string): Promise<ScribeJobDto> {
    const job = await this.jobs.findJob(jobId);
    if (!job) {
      await this.audit.record({ action: 'read', resourceType: SCRIBE_JOB, resourceId: jobId, outcome: 'failed' });
      throw new ScribeJobNotFound();
    }
    const visit = await this.appointments.findAppointment(job.appointmentId);
    await this.audit.record({ action: 'read', resourceType: SCRIBE_JOB, resourceId: job.id, patientId: visit?.patientId ?? null });
    return toScribeJobDto(job);
  }

  async listJobs(appointmentId: string): Promise<ScribeJobDto[]> {
    const visit = await this.appointments.findAuditedAppointmentOrFail(appointmentId, 'read');
    const jobs = await this.jobs.jobsOfVisit(visit.id);
    await this.audit.record({ action: 'read', resourceType: SCRIBE_JOB, patientId: visit.patientId });
    return jobs.map(toScribeJobDto);
  }

  /** The recording the visit's draft was written from (its latest audio job that became ready). */
  async readRecording(appointmentId: string): Promise<Recording> {
    const visit = await this.appointments.findAuditedAppointmentOrFail(appointmentId, 'read');
    const latest = await this.jobs.latestRecordingOfVisit(visit.id);
    const stored = latest?.audioId ? await this.engines.audio.get(latest.audioId) : null;
    if (!latest || !stored) {
      await this.audit.record({ action: 'read', resourceType: RECORD_AUDIO, resourceId: latest?.recordId ?? null, patientId: visit.patientId, outcome: 'failed' });
      throw new RecordingNotFound();
    }
    await this.audit.record({ action: 'read', resourceType: RECORD_AUDIO, resourceId: latest.recordId, patientId: visit.patientId });
    return stored;
  }

  /** One `audio` file, within SCRIBE_MAX_AUDIO_BYTES (413), in a format read from its bytes (415). */
  private async uploadedRecording(request: FastifyRequest): Promise<ScribeInput> {
    if (!this.engines.transcriber) throw new TranscriptionNotConfigured();
    const maxBytes = this.engines.settings.maxAudioBytes;
    const file = await request.file({ limits: { fileSize: maxBytes, files: 1, fields: 0, parts: 1 } }).catch(() => undefined);
    if (!file || file.fieldname !== 'audio') {
      throw invalidInput([{ field: 'audio', messages: ['send one file field named audio (multipart/form-data)'] }]);
    }
    let bytes: Buffer;
    try {
      bytes = await file.toBuffer();
    } catch (error) {
      if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new RecordingTooLarge(maxBytes);
      throw invalidInput([{ field: 'audio', messages: ['the upload could not be read'] }]);
    }
    if (bytes.length === 0) throw invalidInput([{ field: 'audio', messages: ['audio must not be empty'] }]);
    const type = detectAudioType(bytes);
    if (!type) throw new RecordingFormatUnsupported();
    return { source: 'audio', bytes, contentType: type.mime };
  }
}

/** JSON `{"transcript": "…"}`: one non-blank string of at most TRANSCRIPT_MAX_LENGTH characters, nothing else. */
function readTranscript(body: unknown): ScribeInput {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalidInput([{ field: 'transcript', messages: ['send JSON {"transcript": "…"}, or multipart/form-data with a file field audio'] }]);
  }
  const unknown = Object.keys(body).filter((key) => key !== 'transcript');
  const errors = unknown.map((field) => ({ field, messages: [`property ${field} should not exist`] }));
  const transcript = (body as { transcript?: unknown }).transcript;
  if (typeof transcript !== 'string') errors.push({ field: 'transcript', messages: ['transcript must be a string'] });
  else if (!transcript.trim()) errors.push({ field: 'transcript', messages: ['transcript must not be blank'] });
  else if (transcript.length > TRANSCRIPT_MAX_LENGTH) errors.push({ field: 'transcript', messages: [`transcript must be at most ${TRANSCRIPT_MAX_LENGTH} characters`] });
  if (errors.length > 0) throw invalidInput(errors);
  return { source: 'transcript', transcript: (transcript as string).trim() };
}
