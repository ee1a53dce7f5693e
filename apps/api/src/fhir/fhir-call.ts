import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { type FhirContext, fhirContext, fhirErrors } from '@clinic/fhir';
import type { FastifyRequest } from 'fastify';
import { FHIR_BASE_PATH } from '../common/fhir-errors.js';
import { NOTE_READERS } from '../identity/access-table.js';
import { providerOf } from '../identity/authenticated-provider.js';

/** What a FHIR route needs of its request: the query string as sent, and the context of its answer. */
export interface FhirCall {
  /**
   * The raw query string (no leading `?`). Not Fastify's parsed object: repeated parameters, empty
   * values and control characters must reach the FHIR parsers as sent, to be refused there.
   */
  query: string;
  context: FhirContext;
}

/**
 * The base URL Bundles' links and fullUrls are built from: this request's scheme and host (behind
 * a proxy, X-Forwarded-Proto and -Host when TRUST_PROXY is set), then /fhir/R4. A Host header that
 * makes no URL is the client's 400, never a 500.
 */
function baseUrlOf(request: FastifyRequest): string {
  const base = `${request.protocol}://${request.host}${FHIR_BASE_PATH}`;
  if (!URL.canParse(base) || new URL(base).pathname !== FHIR_BASE_PATH) throw fhirErrors.invalidRequest(['Host: not a host name this server can build links with']);
  return base;
}

export function fhirCallOf(request: FastifyRequest): FhirCall {
  const mark = request.url.indexOf('?');
  const provider = providerOf(request);
  return {
    query: mark === -1 ? '' : request.url.slice(mark + 1),
    // Staff read charts without notes, as in /api/v1 (NOTE_READERS); /metadata has no reader.
    context: fhirContext(baseUrlOf(request), { withNotes: provider !== undefined && NOTE_READERS.includes(provider.role) }),
  };
}

/** The request as a FHIR route reads it (FhirCall). */
export const Fhir = createParamDecorator((_data: unknown, context: ExecutionContext): FhirCall => fhirCallOf(context.switchToHttp().getRequest<FastifyRequest>()));
