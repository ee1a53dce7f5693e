import { FHIR_JSON, FhirOutcomeError, fhirErrors, isServedType } from '@clinic/fhir';
import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';

// How errors read on the FHIR API (/fhir/R4): every one is an OperationOutcome with the status
// /api/v1 would answer, so that a FHIR client can read it, while the status, the audit of refused
// requests and the logs stay those of the rest of the API (domain-error.filter.ts).

/** Where the FHIR API lives, outside the /api/v1 prefix. */
export const FHIR_BASE_PATH = '/fhir/R4';

/** The media type of every FHIR answer, errors included. */
export const FHIR_CONTENT_TYPE = `${FHIR_JSON}; charset=utf-8`;

/** A request to the FHIR API, by its URL (a route may not have matched). */
export function isFhirRequest(url: string): boolean {
  return url === FHIR_BASE_PATH || url.startsWith(`${FHIR_BASE_PATH}/`) || url.startsWith(`${FHIR_BASE_PATH}?`);
}

const outcome = (code: OperationOutcomeIssue['code'], text: string): OperationOutcome => ({
  resourceType: 'OperationOutcome',
  issue: [{ severity: 'error', code, details: { text } }],
});

/** An unknown path under the base: a type not served, or an interaction (search, write, history) not served on it. */
function unservedPath(url: string): OperationOutcome {
  const type = url.slice(FHIR_BASE_PATH.length + 1).split(/[/?]/)[0] ?? '';
  if (!isServedType(type)) return fhirErrors.unsupportedType(type).outcome;
  return outcome('not-supported', `This interaction on ${type} is not served here (read-only): see /metadata`);
}

/** What a 400 of the rest of the API said (the validation pipe lists fields), as issue texts. */
function invalidInputTexts(body: Record<string, unknown>): string[] {
  const errors = Array.isArray(body.errors) ? (body.errors as { field?: unknown; messages?: unknown }[]) : [];
  const texts = errors.flatMap((error) => (Array.isArray(error.messages) ? error.messages.map(String) : []));
  return texts.length > 0 ? texts : [typeof body.message === 'string' ? body.message : 'Invalid request'];
}

/**
 * The OperationOutcome of an error answered on the FHIR API with `status`; `body` is what /api/v1
 * would have sent, and `routed` whether a route matched at all.
 */
export function operationOutcomeOf(error: unknown, status: number, body: Record<string, unknown>, request: { url: string; routed: boolean }): OperationOutcome {
  if (error instanceof FhirOutcomeError) return error.outcome;
  const message = typeof body.message === 'string' ? body.message : undefined;
  switch (status) {
    case 400:
      return fhirErrors.invalidRequest(invalidInputTexts(body)).outcome;
    case 401:
      return fhirErrors.notSignedIn().outcome;
    case 403:
      return fhirErrors.forbidden(message).outcome;
    case 404:
      return request.routed ? outcome('not-found', message ?? 'Not found') : unservedPath(request.url);
    case 429:
      return fhirErrors.throttled().outcome;
    case 500:
      return fhirErrors.internal().outcome;
    case 503:
      return fhirErrors.unavailable().outcome;
    default:
      return outcome(status < 500 ? 'invalid' : 'exception', message ?? 'The request could not be served');
  }
}
