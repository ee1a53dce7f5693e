import { AsyncLocalStorage } from 'node:async_hooks';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { providerOf } from '../identity/authenticated-provider.js';
import type { AuditRequestContext } from './audit-event.js';

const USER_AGENT_LENGTH = 512;
const CLIENT_ADDRESS_LENGTH = 64;

// The request itself, not its context: the caller is known only once the guards have run, after
// the hook that stores it, and most requests write no event at all, so the context is read off
// the request when an event is written.
// Work done outside a request (a queued job) keeps the context it was asked for instead.
const requestBeingServed = new AsyncLocalStorage<{ request: FastifyRequest } | { context: AuditRequestContext }>();

const NO_REQUEST: AuditRequestContext = { actorId: null, clientAddress: null, userAgent: null, requestId: null };

/** The request being served, as the trail records it; no request (a job, a script) has no context. */
export function currentAuditContext(): AuditRequestContext {
  const served = requestBeingServed.getStore();
  if (!served) return NO_REQUEST;
  return 'request' in served ? contextOfRequest(served.request) : served.context;
}

/**
 * Work done for someone outside a request (a queued job): its events carry that context, as a
 * request's would.
 */
export function runInAuditContext<T>(context: AuditRequestContext, work: () => Promise<T>): Promise<T> {
  return requestBeingServed.run({ context }, work);
}

/** Who sent the request and from where, as every event of it records them. */
export function contextOfRequest(request: FastifyRequest): AuditRequestContext {
  const userAgent = request.headers['user-agent'];
  return {
    // Null on public routes and on requests the guards refused before knowing the caller.
    actorId: providerOf(request)?.id ?? null,
    // request.ip honours the configured trustProxy, like the logs.
    clientAddress: request.ip ? request.ip.slice(0, CLIENT_ADDRESS_LENGTH) : null,
    userAgent: typeof userAgent === 'string' ? userAgent.slice(0, USER_AGENT_LENGTH) : null,
    // request-logging.ts keeps request ids to 64 safe characters.
    requestId: request.id,
  };
}

/**
 * Makes each HTTP request readable by the audit trail anywhere below the controller, so no
 * controller or service passes the request around. A Fastify hook rather than a Nest
 * interceptor: the route's guards, pipes and handler all run inside the `run` of the last
 * preHandler (after the body is parsed), and no Observable is built per request.
 */
export function keepRequestForAudit(fastify: FastifyInstance): void {
  fastify.addHook('preHandler', (request, _reply, done) => {
    requestBeingServed.run({ request }, done);
  });
}
