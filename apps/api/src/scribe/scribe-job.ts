// A request to the AI scribe, as the scribe_jobs table keeps it (migration
// 20261202012200_create_scribe_jobs): the input, where it is on its way to a draft, and who asked.

export const SCRIBE_JOB_STATUSES = ['queued', 'transcribing', 'extracting', 'ready', 'failed'] as const;
export type ScribeJobStatus = (typeof SCRIBE_JOB_STATUSES)[number];

/** A job still on its way: at most one per visit (the table's partial unique index). */
export const UNFINISHED_STATUSES: readonly ScribeJobStatus[] = ['queued', 'transcribing', 'extracting'];

export const SCRIBE_JOB_SOURCES = ['audio', 'transcript'] as const;
export type ScribeJobSource = (typeof SCRIBE_JOB_SOURCES)[number];

export interface ScribeJobRow {
  id: string;
  appointmentId: string;
  recordId: string | null;
  status: string;
  source: string;
  audioId: string | null;
  audioContentType: string | null;
  /** Health data: never logged, never in an answer. */
  transcript: string | null;
  error: string | null;
  createdById: string;
  createdAt: Date;
  updatedAt: Date;
  finishedAt: Date | null;
}

/** What a job is about, for the audit trail and the runner: the visit and its patient. */
export interface ScribeVisit {
  id: string;
  patientId: string;
}

/** The queue's message: the job's id, nothing about the patient. */
export interface ScribeQueueMessage {
  jobId: string;
}

export const SCRIBE_QUEUE = 'scribe';
