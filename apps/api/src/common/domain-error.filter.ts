import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import type { AuditOutcome } from '@clinic/db';
import { FhirOutcomeError } from '@clinic/fhir';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RefusedRequests } from '../audit/refused-requests.js';
import { DatabaseAvailability } from './database-availability.js';
import { type DatabaseRefusal, refusalOf, unavailableReasonOf } from './database-errors.js';
import { DATABASE_RETRY_AFTER_SECONDS, DomainError, DomainErrorCode } from './domain-error.js';
import { FHIR_CONTENT_TYPE, isFhirRequest, operationOutcomeOf } from './fhir-errors.js';

// Every code has an answer: adding a code without one is a compile error.
const STATUS_BY_CODE: Record<DomainErrorCode, HttpStatus> = {
  [DomainErrorCode.InvalidInput]: HttpStatus.BAD_REQUEST,
  [DomainErrorCode.InvalidCursor]: HttpStatus.BAD_REQUEST,
  [DomainErrorCode.NotAuthenticated]: HttpStatus.UNAUTHORIZED,
  [DomainErrorCode.NotAllowed]: HttpStatus.FORBIDDEN,
  [DomainErrorCode.PasswordChangeRequired]: HttpStatus.FORBIDDEN,
  [DomainErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [DomainErrorCode.Conflict]: HttpStatus.CONFLICT,
  [DomainErrorCode.NotProcessable]: HttpStatus.UNPROCESSABLE_ENTITY,
  [DomainErrorCode.PayloadTooLarge]: HttpStatus.PAYLOAD_TOO_LARGE,
  [DomainErrorCode.UnsupportedMediaType]: HttpStatus.UNSUPPORTED_MEDIA_TYPE,
  [DomainErrorCode.StaleWrite]: HttpStatus.PRECONDITION_FAILED,
  [DomainErrorCode.TooManyAttempts]: HttpStatus.TOO_MANY_REQUESTS,
  [DomainErrorCode.DatabaseUnavailable]: HttpStatus.SERVICE_UNAVAILABLE,
};

const REASON: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/**
 * The database's refusals a feature did not translate itself: each is the client's doing, or the
 * database being away, never the server's defect. The messages name no value: PostgreSQL's own
 * text can quote a row.
 */
const REFUSAL_ANSWERS: Record<DatabaseRefusal, { status: HttpStatus; code: DomainErrorCode; message: string }> = {
  unique: { status: HttpStatus.CONFLICT, code: DomainErrorCode.Conflict, message: 'A record with the same unique value already exists' },
  foreign_key: { status: HttpStatus.CONFLICT, code: DomainErrorCode.Conflict, message: 'The change refers to a record that does not exist, or is still referred to' },
  exclusion: { status: HttpStatus.CONFLICT, code: DomainErrorCode.Conflict, message: 'The change conflicts with an existing record' },
  check: { status: HttpStatus.BAD_REQUEST, code: DomainErrorCode.InvalidInput, message: 'A value is outside what the record may hold' },
  guarded: { status: HttpStatus.CONFLICT, code: DomainErrorCode.Conflict, message: 'The record can no longer change (it is signed or append-only)' },
  record_missing: { status: HttpStatus.NOT_FOUND, code: DomainErrorCode.NotFound, message: 'Not found' },
  invalid_value: { status: HttpStatus.BAD_REQUEST, code: DomainErrorCode.InvalidInput, message: 'A value cannot be stored as sent (out of range, too long, or not valid text)' },
  write_conflict: { status: HttpStatus.CONFLICT, code: DomainErrorCode.Conflict, message: 'A concurrent change got in the way: nothing was written; try again' },
  unavailable: { status: HttpStatus.SERVICE_UNAVAILABLE, code: DomainErrorCode.DatabaseUnavailable, message: 'The database is briefly unavailable: nothing was written; retry shortly' },
};

/**
 * How a refusal on a route of patient data is recorded. 404s are recorded by the services (they
 * know whether the id is nobody's or another patient's); 409 and 412 change and show nothing.
 */
const RECORDED: Partial<Record<number, AuditOutcome>> = { 400: 'failed', 401: 'denied', 403: 'denied', 429: 'denied', 500: 'failed' };

interface Answer {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

function answerOf(error: unknown): Answer | undefined {
  if (error instanceof FhirOutcomeError) {
    // The FHIR API's own refusals (a search parameter it does not serve, a format it cannot write).
    return { status: error.status, body: { message: error.message } };
  }
  if (error instanceof DomainError) {
    return { status: STATUS_BY_CODE[error.code], body: { code: error.code, message: error.message }, headers: error.headers };
  }
  const refusal = refusalOf(error);
  if (refusal) {
    const { status, code, message } = REFUSAL_ANSWERS[refusal];
    return { status, body: { code, message }, headers: refusal === 'unavailable' ? { 'Retry-After': String(DATABASE_RETRY_AFTER_SECONDS) } : undefined };
  }
  if (error instanceof HttpException) {
    const body = error.getResponse();
    return { status: error.getStatus(), body: typeof body === 'string' ? { message: body } : (body as Record<string, unknown>) };
  }
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Fastify's own client errors (malformed JSON, body too large, wrong content type).
    return { status, body: { message: (error as Error).message } };
  }
  return undefined;
}

/**
 * The one place errors become HTTP answers. Domain errors map by code; the database's refusals by
 * their kind (database-errors.ts); Nest's and Fastify's own HTTP errors keep their status;
 * anything else is a 500 that says nothing about the cause (no stack, SQL or patient data),
 * while the log keeps the detail. A refused or failed request on a route of patient data is
 * recorded in the audit trail before the answer leaves (RefusedRequests). On the FHIR API the
 * same answer is written as an OperationOutcome (fhir-errors.ts).
 */
@Catch()
@Injectable()
export class DomainErrorFilter implements ExceptionFilter {
  constructor(
    private readonly refused: RefusedRequests,
    private readonly availability: DatabaseAvailability,
  ) {}

  async catch(error: unknown, host: ArgumentsHost): Promise<void> {
    const request = host.switchToHttp().getRequest<FastifyRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    let answer = answerOf(error);
    const unavailable = unavailableReasonOf(error);
    // The database being away is no defect and gets no line per request: the outage is logged
    // once, with reminders and its end (database-availability.ts).
    if (unavailable) this.availability.refused(unavailable);
    if (!answer) {
      // The message is withheld: a driver's message can quote the values of a row.
      const where = error instanceof Error ? (error.stack ?? '').split('\n').slice(1, 8).join('\n') : '';
      // The request's own logger: the line carries its request id.
      request.log.error(`Unexpected ${error instanceof Error ? error.name : typeof error}\n${where}`);
      answer = { status: HttpStatus.INTERNAL_SERVER_ERROR, body: { message: 'Something went wrong on our side' } };
    }
    const outcome = RECORDED[answer.status];
    if (outcome && request.routeOptions?.url) await this.refused.record(request, outcome);
    if (answer.headers) void reply.headers(answer.headers);
    if (isFhirRequest(request.url)) {
      const outcome = operationOutcomeOf(error, answer.status, answer.body, { url: request.url, routed: request.routeOptions?.url !== undefined });
      void reply.status(answer.status).type(FHIR_CONTENT_TYPE).send(JSON.stringify(outcome));
      return;
    }
    void reply.status(answer.status).send({ statusCode: answer.status, error: REASON[answer.status] ?? 'Error', ...answer.body });
  }
}
