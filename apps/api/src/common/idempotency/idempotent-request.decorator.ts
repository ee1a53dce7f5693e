import { createHash } from 'node:crypto';
import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { providerOf } from '../../identity/authenticated-provider.js';
import { InvalidIdempotencyKey } from './idempotency.errors.js';
import type { IdempotencyScope } from './idempotency-keys.repository.js';

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

// Printable ASCII, space included (what most clients send: UUIDs, ULIDs, random base64).
const KEY = /^[\x20-\x7e]{1,255}$/;

/** A creation sent with an Idempotency-Key: which key, and the hash of what was sent. */
export interface IdempotentRequest extends IdempotencyScope {
  requestHash: string;
}

/** JSON with its object keys sorted: the same body sent with its fields in another order is the same request. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function requestHashOf(body: unknown): string {
  return createHash('sha256').update(canonicalJson(body ?? null)).digest('hex');
}

/**
 * The route's Idempotency-Key, scoped to the signed-in provider and the route, with the hash of
 * the body as sent; undefined without the header. A malformed key is a 400 before anything runs.
 */
export const Idempotent = createParamDecorator((_data: unknown, context: ExecutionContext): IdempotentRequest | undefined => {
  const request = context.switchToHttp().getRequest<FastifyRequest>();
  const sent = request.headers[IDEMPOTENCY_KEY_HEADER];
  if (sent === undefined) return undefined;
  if (typeof sent !== 'string' || !KEY.test(sent)) throw new InvalidIdempotencyKey();
  const provider = providerOf(request);
  // Creations are signed-in routes: the guards refused the request before a decorator runs otherwise.
  if (!provider) throw new InvalidIdempotencyKey();
  return { providerId: provider.id, route: `${request.method} ${request.routeOptions.url ?? request.url}`, key: sent, requestHash: requestHashOf(request.body) };
});
