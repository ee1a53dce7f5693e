import { ApiProperty } from '@nestjs/swagger';
import { SCRIBE_JOB_SOURCES, SCRIBE_JOB_STATUSES, type ScribeJobRow, type ScribeJobSource, type ScribeJobStatus } from '../scribe-job.js';

/** A scribe job as clients see it: never its transcript, nor where its recording is kept. */
export class ScribeJobDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  appointmentId!: string;

  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: "The visit's record, once the job has written its draft" })
  recordId!: string | null;

  @ApiProperty({
    enum: SCRIBE_JOB_STATUSES,
    enumName: 'ScribeJobStatus',
    description: 'queued, then transcribing (recordings only), extracting, and ready (the draft is written) or failed (the record is as it was; error says why)',
  })
  status!: ScribeJobStatus;

  @ApiProperty({ enum: SCRIBE_JOB_SOURCES, enumName: 'ScribeJobSource', example: 'transcript' })
  source!: ScribeJobSource;

  @ApiProperty({ type: String, nullable: true, description: 'Why a failed job failed', example: null })
  error!: string | null;

  @ApiProperty({ type: String, format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ type: String, format: 'date-time' })
  updatedAt!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When it became ready or failed' })
  finishedAt!: string | null;
}

export function toScribeJobDto(job: ScribeJobRow): ScribeJobDto {
  return {
    id: job.id,
    appointmentId: job.appointmentId,
    recordId: job.recordId,
    status: job.status as ScribeJobStatus,
    source: job.source as ScribeJobSource,
    error: job.error,
    createdAt: job.createdAt.toISOString(),
    updatedAt: job.updatedAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}
