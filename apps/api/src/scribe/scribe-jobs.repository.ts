import { Injectable } from '@nestjs/common';
import { PrismaService } from '@clinic/db';
import { AuditTrail } from '../audit/audit-trail.js';
import type { AuditTransaction } from '../audit/audit.repository.js';
import { translateRefusals } from '../common/database-errors.js';
import { type ScribeJobRow, type ScribeJobSource, type ScribeJobStatus, type ScribeVisit, UNFINISHED_STATUSES } from './scribe-job.js';
import { ScribeJobRunning } from './scribe.errors.js';

/** The trail's word for a scribe job. */
export const SCRIBE_JOB = 'scribe_job';

export interface NewScribeJob {
  /** Chosen by the caller: a recording is stored under it before the row exists. */
  id: string;
  source: ScribeJobSource;
  transcript?: string;
  audio?: { id: string; contentType: string };
  createdById: string;
}

const UNFINISHED = { in: [...UNFINISHED_STATUSES] };

/**
 * The one owner of scribe_jobs. A job's status only moves forward, and only while it is
 * unfinished: every change is conditional on that, so a retried or duplicated step of the queue
 * changes nothing once the job is ready or failed.
 */
@Injectable()
export class ScribeJobsRepository {
  constructor(
    private readonly prisma: PrismaService,
    private readonly audit: AuditTrail,
  ) {}

  /**
   * The job with its audit event. A visit with an unfinished job refuses another (the partial
   * unique index), also when two requests race: 409. The caller queues it once committed (a job
   * whose message was lost is queued again when a worker starts: ScribeQueue).
   */
  createJob(visit: ScribeVisit, job: NewScribeJob): Promise<ScribeJobRow> {
    return translateRefusals(
      () =>
        this.prisma.$transaction(async (tx) => {
          const created = await tx.scribeJob.create({
            data: {
              id: job.id,
              appointmentId: visit.id,
              source: job.source,
              transcript: job.transcript ?? null,
              audioId: job.audio?.id ?? null,
              audioContentType: job.audio?.contentType ?? null,
              createdById: job.createdById,
            },
          });
          await this.audit.recordWithin(tx, { action: 'create', resourceType: SCRIBE_JOB, resourceId: created.id, patientId: visit.patientId });
          return created;
        }),
      { unique: () => new ScribeJobRunning() },
    );
  }

  findJob(id: string): Promise<ScribeJobRow | null> {
    return this.prisma.scribeJob.findUnique({ where: { id } });
  }

  /** A visit's jobs, newest first (a visit has a handful). */
  jobsOfVisit(appointmentId: string): Promise<ScribeJobRow[]> {
    return this.prisma.scribeJob.findMany({ where: { appointmentId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: 100 });
  }

  async hasUnfinishedJob(appointmentId: string): Promise<boolean> {
    return (await this.prisma.scribeJob.count({ where: { appointmentId, status: UNFINISHED } })) > 0;
  }

  /** Every job still on its way, oldest first: a worker that starts makes sure each is queued. */
  async unfinishedJobIds(): Promise<string[]> {
    const rows = await this.prisma.scribeJob.findMany({ where: { status: UNFINISHED }, orderBy: [{ createdAt: 'asc' }], select: { id: true } });
    return rows.map((row) => row.id);
  }

  /** The recording of the visit's latest audio job that became its draft. */
  latestRecordingOfVisit(appointmentId: string): Promise<{ audioId: string | null; recordId: string | null } | null> {
    return this.prisma.scribeJob.findFirst({
      where: { appointmentId, source: 'audio', status: 'ready' },
      orderBy: [{ finishedAt: 'desc' }, { id: 'desc' }],
      select: { audioId: true, recordId: true },
    });
  }

  /** Moves an unfinished job to another unfinished step; false when it is finished already. */
  async moveTo(id: string, status: Exclude<ScribeJobStatus, 'ready' | 'failed'>): Promise<boolean> {
    const { count } = await this.prisma.scribeJob.updateMany({ where: { id, status: UNFINISHED }, data: { status, updatedAt: new Date() } });
    return count === 1;
  }

  /** Keeps what the recording said, so that a retried job does not transcribe it twice. */
  async saveTranscript(id: string, transcript: string): Promise<boolean> {
    const { count } = await this.prisma.scribeJob.updateMany({
      where: { id, status: UNFINISHED },
      data: { transcript, status: 'extracting', updatedAt: new Date() },
    });
    return count === 1;
  }

  /** Fails an unfinished job with its reason (never patient data); false when it was finished already. */
  async fail(id: string, reason: string): Promise<boolean> {
    const now = new Date();
    const { count } = await this.prisma.scribeJob.updateMany({
      where: { id, status: UNFINISHED },
      data: { status: 'failed', error: reason.slice(0, 1000), finishedAt: now, updatedAt: now },
    });
    return count === 1;
  }

  /**
   * Writes the job's draft (`write`, given this transaction: the record, its items and their audit
   * events) and marks the job ready, all in one transaction, with the job's row locked: the work
   * runs at most once per job, however often the queue delivers it. False, and nothing written,
   * when the job is already finished.
   */
  complete(id: string, write: (tx: AuditTransaction) => Promise<string>): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const [locked] = await tx.$queryRaw<{ status: string }[]>`SELECT "status" FROM "scribe_jobs" WHERE "id" = ${id}::uuid FOR UPDATE`;
      if (!locked || !UNFINISHED_STATUSES.includes(locked.status as ScribeJobStatus)) return false;
      const recordId = await write(tx);
      const now = new Date();
      await tx.scribeJob.update({ where: { id }, data: { status: 'ready', recordId, finishedAt: now, updatedAt: now } });
      return true;
    });
  }
}
