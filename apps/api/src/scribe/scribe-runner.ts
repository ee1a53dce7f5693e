import { Injectable, Logger } from '@nestjs/common';
import { detectAudioType, isTransientProviderError, ProviderError, TRANSCRIPT_MAX_LENGTH } from '@clinic/scribe';
import { AppointmentsService } from '../appointments/appointments.service.js';
import { runInAuditContext } from '../audit/audit-context.js';
import { isDatabaseUnavailable, refusalOf } from '../common/database-errors.js';
import { RecordSigned } from '../records/records.errors.js';
import { ScribeDrafts } from '../records/scribe-drafts.js';
import { UNFINISHED_STATUSES, type ScribeJobRow, type ScribeJobStatus } from './scribe-job.js';
import { ScribeEngines } from './scribe-engines.js';
import { ScribeJobsRepository } from './scribe-jobs.repository.js';

/** Where a recording is served to clinicians: what a draft's audioFileUrl says. */
export const recordingUrlOf = (appointmentId: string) => `/api/v1/appointments/${appointmentId}/record/audio`;

/** How many times the queue has delivered this job before, and how many retries it allows. */
export interface Attempt {
  retryCount: number;
  retryLimit: number;
}

/** A failure no retry can mend: the job fails at once, with this reason. */
class JobCannotSucceed extends Error {}

/**
 * Runs one scribe job, as the queue delivers it: transcribe the recording (once: the transcript
 * is kept on the job), extract the draft, then write the record, its items and `ready` in one
 * transaction (ScribeJobsRepository.complete). A job delivered again after it finished changes
 * nothing. Transient failures (a provider's timeout, 429 or 5xx, the database away) are thrown
 * back for the queue to retry with back-off, until the last attempt; anything else fails the job
 * with its reason, and the record stays as it was. Reasons and log lines name the job, the
 * provider and the status, never the transcript or the recording.
 */
@Injectable()
export class ScribeRunner {
  private readonly logger = new Logger(ScribeRunner.name);

  constructor(
    private readonly jobs: ScribeJobsRepository,
    private readonly engines: ScribeEngines,
    private readonly appointments: AppointmentsService,
    private readonly drafts: ScribeDrafts,
  ) {}

  async run(jobId: string, attempt: Attempt): Promise<void> {
    const job = await this.jobs.findJob(jobId);
    if (!job || !UNFINISHED_STATUSES.includes(job.status as ScribeJobStatus)) return;
    // The job's events name the clinician who asked for it, and the job as the request.
    const context = { actorId: job.createdById, clientAddress: null, userAgent: null, requestId: `scribe-job-${job.id}` };
    await runInAuditContext(context, async () => {
      try {
        await this.work(job);
        this.logger.log(`scribe job ${job.id} ready`);
      } catch (error) {
        if (isRetriable(error) && attempt.retryCount < attempt.retryLimit) {
          this.logger.warn(`scribe job ${job.id}: attempt ${attempt.retryCount + 1} failed (${reasonOf(error)}); it will be retried`);
          throw error;
        }
        const reason = reasonOf(error);
        if (await this.jobs.fail(job.id, reason)) this.logger.warn(`scribe job ${job.id} failed: ${reason}`);
      }
    });
  }

  private async work(job: ScribeJobRow): Promise<void> {
    const visit = await this.appointments.findAppointment(job.appointmentId);
    if (!visit) throw new JobCannotSucceed('the visit no longer exists');
    const transcript = job.transcript ?? (await this.transcribe(job));
    if (job.transcript !== null) await this.jobs.moveTo(job.id, 'extracting');
    const extraction = await this.engines.extractor.extract(transcript);
    await this.jobs.complete(job.id, (tx) =>
      this.drafts.writeWithin(tx, visit, extraction, { transcript, audioFileUrl: job.source === 'audio' ? recordingUrlOf(job.appointmentId) : undefined }),
    );
  }

  private async transcribe(job: ScribeJobRow): Promise<string> {
    if (!job.audioId) throw new JobCannotSucceed('the job has neither a transcript nor a recording');
    await this.jobs.moveTo(job.id, 'transcribing');
    const transcriber = this.engines.transcriber;
    if (!transcriber) throw new JobCannotSucceed('no transcription service is configured (TRANSCRIPTION_BASE_URL)');
    const recording = await this.engines.audio.get(job.audioId);
    if (!recording) throw new JobCannotSucceed('the recording is missing from the audio store');
    const type = detectAudioType(recording.bytes);
    if (!type) throw new JobCannotSucceed('the recording is not in a format the scribe reads');
    const { text } = await transcriber.transcribe({ bytes: recording.bytes, mime: type.mime, extension: type.extension });
    const transcript = text.trim();
    if (!transcript) throw new JobCannotSucceed('the transcription service heard no speech in the recording');
    if (transcript.length > TRANSCRIPT_MAX_LENGTH) throw new JobCannotSucceed(`the transcript is longer than ${TRANSCRIPT_MAX_LENGTH} characters`);
    await this.jobs.saveTranscript(job.id, transcript);
    return transcript;
  }
}

/** The record was signed before the job's transaction (RecordSigned) or during it (the signed-record guard). */
function signedMeanwhile(error: unknown): boolean {
  return error instanceof RecordSigned || refusalOf(error) === 'guarded';
}

/** A provider's transient failure, or the database briefly away or in a conflict: worth another try. */
function isRetriable(error: unknown): boolean {
  if (isTransientProviderError(error)) return true;
  if (error instanceof ProviderError || error instanceof JobCannotSucceed || signedMeanwhile(error)) return false;
  return isDatabaseUnavailable(error) || refusalOf(error) === 'write_conflict';
}

/** Why the job failed, in words that hold no patient data (a provider error's message never does). */
function reasonOf(error: unknown): string {
  if (error instanceof JobCannotSucceed || error instanceof ProviderError) return error.message;
  if (signedMeanwhile(error)) return 'the record was signed before the draft was ready: nothing was added';
  if (isDatabaseUnavailable(error)) return 'the database was unavailable';
  // Anything else is a defect: its message may quote data, so only its kind is kept.
  return `internal error (${error instanceof Error ? error.name : typeof error})`;
}
