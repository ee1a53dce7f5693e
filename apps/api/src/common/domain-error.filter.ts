import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError, DomainErrorCode } from './domain-error.js';

// Every code has an answer: adding a code without one is a compile error.
const STATUS_BY_CODE: Record<DomainErrorCode, HttpStatus> = {
  [DomainErrorCode.DatabaseUnavailable]: HttpStatus.SERVICE_UNAVAILABLE,
};

const REASON_BY_STATUS: Partial<Record<HttpStatus, string>> = {
  [HttpStatus.SERVICE_UNAVAILABLE]: 'Service Unavailable',
  [HttpStatus.INTERNAL_SERVER_ERROR]: 'Internal Server Error',
};

/**
 * The one place errors become HTTP answers. Domain errors map by code; Nest's own HTTP
 * exceptions keep their answer; anything else is a 500 that says nothing about the cause (no
 * stack, SQL or patient data), while the log keeps the detail.
 */
@Catch()
export class DomainErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('DomainErrorFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (error instanceof DomainError) {
      const statusCode = STATUS_BY_CODE[error.code];
      void reply.status(statusCode).send({ statusCode, error: REASON_BY_STATUS[statusCode], code: error.code, message: error.message });
      return;
    }
    if (error instanceof HttpException) {
      const body = error.getResponse();
      void reply.status(error.getStatus()).send(typeof body === 'string' ? { statusCode: error.getStatus(), message: body } : body);
      return;
    }
    this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    const statusCode = HttpStatus.INTERNAL_SERVER_ERROR;
    void reply.status(statusCode).send({ statusCode, error: REASON_BY_STATUS[statusCode], message: 'Something went wrong on our side' });
  }
}
