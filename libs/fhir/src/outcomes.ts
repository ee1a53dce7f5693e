import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';

export type FhirErrorStatus = 400 | 401 | 403 | 404 | 406 | 429 | 500 | 503;

/**
 * A FHIR request that ends in an error: the HTTP status and the OperationOutcome to send with it.
 * One filter in the API turns it into the answer; nothing else about it is framework-specific.
 */
export class FhirOutcomeError extends Error {
  constructor(
    readonly status: FhirErrorStatus,
    readonly outcome: OperationOutcome,
  ) {
    super(outcome.issue?.map((issue) => issue.details?.text).join('; ') ?? `FHIR error ${status}`);
    this.name = 'FhirOutcomeError';
  }
}

function issue(code: OperationOutcomeIssue['code'], text: string): OperationOutcomeIssue {
  return { severity: 'error', code, details: { text } };
}

function failure(status: FhirErrorStatus, issues: OperationOutcomeIssue[]): FhirOutcomeError {
  return new FhirOutcomeError(status, { resourceType: 'OperationOutcome', issue: issues });
}

// What a client sent is echoed only when it is an id or a type (never a search value: a name or a
// birth date is health data, and error bodies end up in logs and bug reports).
const ECHOABLE = /^[A-Za-z0-9\-.]{1,64}$/;
const echo = (value: string) => (ECHOABLE.test(value) ? value : '(not a valid id)');

/** The errors the FHIR API answers with; each is thrown as a FhirOutcomeError. */
export const fhirErrors = {
  /** 400: one issue per problem, so a client fixes them all at once. */
  invalidRequest: (problems: readonly string[]) => failure(400, problems.map((problem) => issue('invalid', problem))),
  notSignedIn: () => failure(401, [issue('login', 'Sign-in required: send an access token as "Authorization: Bearer <token>"')]),
  forbidden: (reason = 'Your role may not read this') => failure(403, [issue('forbidden', reason)]),
  notFound: (type: string, id: string) => failure(404, [issue('not-found', `${echo(type)}/${echo(id)} is not known`)]),
  unsupportedType: (type: string) => failure(404, [issue('not-supported', `Resource type ${echo(type)} is not served here: see /metadata`)]),
  notAcceptable: () => failure(406, [issue('not-supported', 'Only application/fhir+json is served')]),
  throttled: () => failure(429, [issue('throttled', 'Too many requests: retry after the time in Retry-After')]),
  /** 500: says nothing of the cause. */
  internal: () => failure(500, [issue('exception', 'An unexpected error occurred')]),
  unavailable: () => failure(503, [issue('transient', 'The service is unavailable: retry later')]),
};
