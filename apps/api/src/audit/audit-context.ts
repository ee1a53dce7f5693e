import { AsyncLocalStorage } from 'node:async_hooks';
import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Observable } from 'rxjs';
import { providerOf } from '../identity/authenticated-provider.js';
import type { AuditRequestContext } from './audit-event.js';

const USER_AGENT_LENGTH = 512;
const CLIENT_ADDRESS_LENGTH = 64;

const requestContext = new AsyncLocalStorage<AuditRequestContext>();

const NO_REQUEST: AuditRequestContext = { actorId: null, clientAddress: null, userAgent: null, requestId: null };

/** The request being served, as the trail records it; no request (a job, a script) has no context. */
export function currentAuditContext(): AuditRequestContext {
  return requestContext.getStore() ?? NO_REQUEST;
}

/**
 * Work done for someone outside a request (a queued job): its events carry that context, as a
 * request's would.
 */
export function runInAuditContext<T>(context: AuditRequestContext, work: () => Promise<T>): Promise<T> {
  return requestContext.run(context, work);
}

/** Who sent the request and from where, as every event of it records them. */
export function contextOfRequest(request: FastifyRequest): AuditRequestContext {
  const userAgent = request.headers['user-agent'];
  return {
    // Global interceptors run after the guards: the caller is known by now (or the route is public,
    // or the guards refused the request).
    actorId: providerOf(request)?.id ?? null,
    // request.ip honours the configured trustProxy, like the logs.
    clientAddress: request.ip ? request.ip.slice(0, CLIENT_ADDRESS_LENGTH) : null,
    userAgent: typeof userAgent === 'string' ? userAgent.slice(0, USER_AGENT_LENGTH) : null,
    // request-logging.ts keeps request ids to 64 safe characters.
    requestId: request.id,
  };
}

/**
 * Makes each HTTP request's context readable by the audit trail anywhere below the controller,
 * so no controller or service passes the request around. Nest runs the handler in the async
 * scope where `next.handle()` is called, which is inside `run` here.
 */
@Injectable()
export class AuditContextInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    return requestContext.run(contextOfRequest(context.switchToHttp().getRequest<FastifyRequest>()), () => next.handle());
  }
}
