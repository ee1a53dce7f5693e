import { fhirErrors } from '../outcomes.js';
import { decodePageToken, type PagePosition } from './page-token.js';
import { collecting, MAX_COUNT, normalisedQuery, readRequestParameters, RESULT_PARAMETERS, shownName, throwIfProblems } from './request-parameters.js';
import { isUuid, SearchProblem } from './values.js';

/** `GET /fhir/R4/Patient/{id}/$everything`, checked. */
export interface EverythingRequest {
  patientId: string;
  /** Only resources changed since (see everything.ts for those whose changes the chart does not date). */
  since?: Date;
  /** Entries per page; absent: the whole chart in one Bundle. */
  count?: number;
  after?: PagePosition<'everything'>;
  cursor?: string;
  pretty: boolean;
  query: string;
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:\d{2})$/;

function sinceInstant(value: string): Date {
  // A '+' sent unencoded arrives as a space: in a time zone offset it can only have been a '+'.
  const instant = value.replace(/ (\d{2}:\d{2})$/, '+$1');
  const moment = new Date(instant);
  if (!INSTANT.test(instant) || Number.isNaN(moment.getTime())) {
    throw new SearchProblem('_since: an instant, YYYY-MM-DDThh:mm:ss[.sss] with Z or ±hh:mm (send + as %2B)');
  }
  return moment;
}

/** The path of a patient's $everything: what its links repeat and its page tokens are bound to. */
export const everythingPath = (patientId: string) => `Patient/${patientId}/$everything`;

/**
 * Checks `$everything`'s id and parameters: `_since`, `_count` (1–200; absent for the whole
 * chart), `_cursor`, `_format`, `_pretty`. Others (`start`, `end`, `_type`) are refused with 400.
 * An id that is not a UUID names no patient: 404.
 */
export function parseEverything(patientId: string, query: string | URLSearchParams): EverythingRequest {
  if (!isUuid(patientId)) throw fhirErrors.notFound('Patient', patientId);
  const id = patientId.toLowerCase();
  const request = readRequestParameters(query);
  const { params, problems } = request;
  let since: Date | undefined;
  for (const [name, values] of params) {
    if (name !== '_since') problems.push(`${shownName(name)}: not a parameter of $everything here; supported: _since, ${RESULT_PARAMETERS.join(', ')}`);
    else if (values.length > 1) problems.push("'_since': may appear once");
    else since = collecting(problems, () => sinceInstant(values[0]));
  }
  if (request.count === 0) problems.push('_count: from 1 to ' + MAX_COUNT + ' for $everything (leave it out for the whole chart)');
  const normalised = normalisedQuery(params);
  const after =
    request.cursor === undefined ? undefined : collecting(problems, () => decodePageToken('everything', everythingPath(id), normalised, request.cursor!));
  if (after && request.count === undefined) problems.push('_cursor: only with _count');
  throwIfProblems(problems);
  return {
    patientId: id,
    ...(since && { since }),
    ...(request.count !== undefined && { count: request.count }),
    ...(after && { after }),
    ...(request.cursor && { cursor: request.cursor }),
    pretty: request.pretty,
    query: normalised,
  };
}
