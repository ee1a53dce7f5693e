import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { LoggerService } from '@nestjs/common';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { AppConfig } from '../config/app-config.js';

// A caller's request id is kept when it looks like one; anything else is replaced, so a client
// cannot write arbitrary text into the logs through the header.
const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

// Should anything log an object holding these, pino writes [redacted] instead.
const REDACTED = ['password', 'passwordHash', 'accessToken', 'refreshToken', 'authorization', '*.password', '*.passwordHash', '*.accessToken', '*.refreshToken', '*.authorization', 'req.headers', 'req.query', 'req.body'];

export function requestIdOf(request: { headers: IncomingHttpHeaders }): string {
  const offered = request.headers['x-request-id'];
  return typeof offered === 'string' && REQUEST_ID.test(offered) ? offered : randomUUID();
}

/** Fastify's own pino logger: JSON lines, each request's carrying its `requestId`. */
export function loggerOptions(config: AppConfig, stream?: NodeJS.WritableStream) {
  return { level: config.logLevel, redact: { paths: REDACTED, censor: '[redacted]' }, ...(stream && { stream }) };
}

/**
 * One line per request: method, path, status and time. Never the query string (`?q=` holds
 * names, `?phone=` numbers), bodies or headers: a log must hold no identities or health data.
 */
export function logRequests(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  fastify.addHook('onResponse', async (request, reply) => {
    request.log.info(
      { method: request.method, path: request.url.split('?')[0], statusCode: reply.statusCode, responseTimeMs: Math.round(reply.elapsedTime) },
      'request completed',
    );
  });
}

/** Nest's own log lines (start-up, module wiring) go through the same pino logger as requests. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly pino: FastifyBaseLogger) {}

  log(message: unknown, context?: string): void {
    this.pino.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.pino.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.pino.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.pino.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.pino.trace({ context }, String(message));
  }
  fatal(message: unknown, context?: string): void {
    this.pino.fatal({ context }, String(message));
  }
}
