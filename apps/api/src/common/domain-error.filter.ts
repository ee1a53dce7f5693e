import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, DomainErrorCode } from './domain-error.js';

// Every code has an answer: adding a code without one is a compile error.
const STATUS_BY_CODE: Record<DomainErrorCode, HttpStatus> = {
  [DomainErrorCode.InvalidInput]: HttpStatus.BAD_REQUEST,
  [DomainErrorCode.InvalidCursor]: HttpStatus.BAD_REQUEST,
  [DomainErrorCode.NotAuthenticated]: HttpStatus.UNAUTHORIZED,
  [DomainErrorCode.NotAllowed]: HttpStatus.FORBIDDEN,
  [DomainErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [DomainErrorCode.Conflict]: HttpStatus.CONFLICT,
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
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

// Prisma's known request errors that are the client's doing, by Prisma code.
const PRISMA_ANSWERS: Record<string, { status: HttpStatus; message: string }> = {
  P2002: { status: HttpStatus.CONFLICT, message: 'A record with the same unique value already exists' },
  P2003: { status: HttpStatus.CONFLICT, message: 'The change refers to a record that does not exist, or is still referred to' },
  P2025: { status: HttpStatus.NOT_FOUND, message: 'Not found' },
};

function prismaCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^P\d{4}$/.test(code) ? code : undefined;
}

/**
 * The one place errors become HTTP answers. Domain errors map by code; Prisma's known errors by
 * theirs; Nest's and Fastify's own HTTP errors keep their status; anything else is a 500 that says
 * nothing about the cause (no stack, SQL or patient data), while the log keeps the detail.
 */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const send = (statusCode: number, body: Record<string, unknown>) =>
      void reply.status(statusCode).send({ statusCode, error: REASON[statusCode] ?? 'Error', ...body });

    if (error instanceof DomainError) {
      if (error.headers) void reply.headers(error.headers);
      return send(STATUS_BY_CODE[error.code], { code: error.code, message: error.message });
    }
    const prisma = prismaCode(error);
    if (prisma && PRISMA_ANSWERS[prisma]) {
      return send(PRISMA_ANSWERS[prisma].status, { message: PRISMA_ANSWERS[prisma].message });
    }
    if (error instanceof HttpException) {
      const body = error.getResponse();
      return send(error.getStatus(), typeof body === 'string' ? { message: body } : (body as Record<string, unknown>));
    }
    const status = (error as { statusCode?: unknown } | null)?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      // Fastify's own client errors (malformed JSON, body too large, wrong content type).
      return send(status, { message: (error as Error).message });
    }
    // The message is withheld: a driver's message can quote the values of a row.
    const where = error instanceof Error ? (error.stack ?? '').split('\n').slice(1, 8).join('\n') : '';
    // The request's own logger: the line carries its request id.
    host.switchToHttp().getRequest<FastifyRequest>().log.error(`Unexpected ${error instanceof Error ? error.name : typeof error}${prisma ? ` (${prisma})` : ''}\n${where}`);
    send(HttpStatus.INTERNAL_SERVER_ERROR, { message: 'Something went wrong on our side' });
  }
}
