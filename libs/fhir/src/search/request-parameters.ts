import { fhirErrors } from '../outcomes.js';
import { SearchProblem } from './values.js';

// What every FHIR query string goes through before its own parameters are read: control
// characters, empty values and repeats refused, and the result parameters every listing shares.

export const DEFAULT_COUNT = 50;
export const MAX_COUNT = 200;
const MAX_PARAMETERS = 30;
const MAX_VALUE_LENGTH = 1024;
const MAX_PROBLEMS = 20;

/** The parameters every listing takes, whatever its resource type. */
export const RESULT_PARAMETERS = ['_count', '_cursor', '_format', '_pretty'] as const;

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001F\u007F]/;
const ECHOABLE_NAME = /^[A-Za-z0-9_:.-]{1,64}$/;

/** A parameter name fit to repeat in an error; anything else is "a parameter". */
export function shownName(name: string): string {
  return ECHOABLE_NAME.test(name) ? `'${name}'` : 'a parameter';
}

export interface RequestParameters {
  /** Every parameter but the result parameters, by name, in the order given. */
  params: Map<string, string[]>;
  /** Problems found so far; the caller adds its own and throws them together. */
  problems: string[];
  count?: number;
  cursor?: string;
  pretty: boolean;
}

function single(name: string, values: string[], problems: string[]): string | undefined {
  if (values.length > 1) problems.push(`${name}: may appear once`);
  return values[0];
}

/** `_format` may only ask for what is served (JSON); anything else is 406, as FHIR says. */
function checkFormat(value: string): void {
  const format = value.split(';')[0].trim().toLowerCase();
  if (!['json', 'application/json', 'application/fhir+json'].includes(format)) throw fhirErrors.notAcceptable();
}

/** Splits a query string (or URLSearchParams) into checked parameters and the result parameters. */
export function readRequestParameters(query: string | URLSearchParams): RequestParameters {
  const search = typeof query === 'string' ? new URLSearchParams(query.startsWith('?') ? query.slice(1) : query) : query;
  const problems: string[] = [];
  const params = new Map<string, string[]>();
  for (const [name, value] of search) {
    if (CONTROL.test(name) || CONTROL.test(value)) {
      problems.push(`${shownName(name)}: names and values may not contain control characters`);
      continue;
    }
    if (value.trim() === '') {
      problems.push(`${shownName(name)}: empty value`);
      continue;
    }
    if (value.length > MAX_VALUE_LENGTH) {
      problems.push(`${shownName(name)}: value longer than ${MAX_VALUE_LENGTH} characters`);
      continue;
    }
    params.set(name, [...(params.get(name) ?? []), value]);
  }
  if (params.size > MAX_PARAMETERS) problems.push(`at most ${MAX_PARAMETERS} different parameters`);

  const result: RequestParameters = { params, problems, pretty: false };
  const take = (name: (typeof RESULT_PARAMETERS)[number]) => {
    const values = params.get(name);
    params.delete(name);
    return values && single(name, values, problems);
  };
  const format = take('_format');
  if (format !== undefined) checkFormat(format);
  const count = take('_count');
  if (count !== undefined) {
    if (!/^\d{1,4}$/.test(count) || Number(count) > MAX_COUNT) problems.push(`_count: a whole number from 0 to ${MAX_COUNT}`);
    else result.count = Number(count);
  }
  result.cursor = take('_cursor');
  const pretty = take('_pretty');
  if (pretty !== undefined) {
    if (pretty !== 'true' && pretty !== 'false') problems.push('_pretty: true or false');
    result.pretty = pretty === 'true';
  }
  return result;
}

/** Runs one reader, turning its SearchProblem into a listed problem. */
export function collecting<T>(problems: string[], read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    if (error instanceof SearchProblem) {
      problems.push(error.message);
      return undefined;
    }
    throw error;
  }
}

export function throwIfProblems(problems: readonly string[]): void {
  if (problems.length > 0) throw fhirErrors.invalidRequest(problems.slice(0, MAX_PROBLEMS));
}

/** The parameters a listing repeats in its links and binds its page tokens to: sorted, paging left out. */
export function normalisedQuery(params: ReadonlyMap<string, readonly string[]>): string {
  const pairs = [...params].flatMap(([name, values]) => [...values].sort().map((value) => [name, value] as [string, string]));
  pairs.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return new URLSearchParams(pairs).toString();
}
