import { readRequestParameters, shownName, throwIfProblems } from './request-parameters.js';

/** The parameters a read (`GET /{type}/{id}`) and `/metadata` take: how the answer is written, nothing else. */
const READ_PARAMETERS = ['_format', '_pretty'];

/**
 * Checks the query of a read or of `/metadata`: `_format` (JSON only, else 406) and `_pretty`.
 * Anything else (`_summary`, `_elements`, a search parameter, `_count`) is refused with 400, as a
 * search's unknown parameters are: a client asking for a summary must not get the whole resource
 * believing it is one.
 */
export function parseReadRequest(query: string | URLSearchParams): { pretty: boolean } {
  const search = typeof query === 'string' ? new URLSearchParams(query.startsWith('?') ? query.slice(1) : query) : query;
  const request = readRequestParameters(search);
  const unknown = new Set([...search.keys()].filter((name) => !READ_PARAMETERS.includes(name)));
  for (const name of unknown) request.problems.push(`${shownName(name)}: not a parameter of a read here; supported: ${READ_PARAMETERS.join(', ')}`);
  throwIfProblems(request.problems);
  return { pretty: request.pretty };
}
