import type { FhirContext } from '../context.js';
import { SERVED_RESOURCES } from '../served-resources.js';
import type { SearchableType, SearchCriteria } from './criteria.js';
import { MATCHES_NOTHING, type ResourceSearchDeclaration } from './declarations.js';
import { decodePageToken, type PagePosition } from './page-token.js';
import { collecting, DEFAULT_COUNT, normalisedQuery, readRequestParameters, RESULT_PARAMETERS, shownName, throwIfProblems } from './request-parameters.js';

/** A search, checked and translated: what a repository needs to answer it, and what its links repeat. */
export interface FhirSearch<Type extends SearchableType = SearchableType> {
  resourceType: Type;
  criteria: SearchCriteria[Type];
  /** No resource can match (a code the chart never carries): answer an empty Bundle without reading. */
  matchesNothing: boolean;
  /** Entries per page (0: the total only). */
  count: number;
  /** Where this page starts (from `_cursor`); absent for the first page. */
  after?: PagePosition<Type>;
  /** The `_cursor` as given, for the self link. */
  cursor?: string;
  pretty: boolean;
  /** The search parameters, normalised: what links repeat and page tokens are bound to. */
  query: string;
}

/** Any search, narrowed by its resourceType. */
export type AnyFhirSearch = { [Type in SearchableType]: FhirSearch<Type> }[SearchableType];

function declarationOf<Type extends SearchableType>(type: Type): ResourceSearchDeclaration<SearchCriteria[Type]> {
  // SERVED_RESOURCES' type pairs each type with its own criteria; TypeScript cannot follow a
  // generic key through that pairing, so it is restated here.
  return SERVED_RESOURCES[type].search as ResourceSearchDeclaration<SearchCriteria[Type]>;
}

function unknownParameter(type: SearchableType, name: string, supported: readonly string[]): string {
  if (name.includes(':')) return `${shownName(name)}: modifiers are not supported`;
  if (name.includes('.')) return `${shownName(name)}: chained parameters are not supported`;
  return `${shownName(name)}: not a search parameter of ${type} here; supported: ${[...supported, ...RESULT_PARAMETERS].join(', ')}`;
}

/**
 * Checks and reads a search's query string (`GET /fhir/R4/{type}?…`). Anything it does not
 * serve is refused, never ignored: an unknown or malformed parameter, a repeat, an empty value,
 * a control character → FhirOutcomeError 400 listing every problem; `_format` other than JSON →
 * 406. `_count` defaults to 50, at most 200.
 */
export function parseSearch<Type extends SearchableType>(type: Type, query: string | URLSearchParams, context: FhirContext): FhirSearch<Type> {
  const declaration = declarationOf(type);
  const request = readRequestParameters(query);
  const { params, problems } = request;
  const supported = Object.keys(declaration.parameters);

  const criteria: Partial<SearchCriteria[Type]> = {};
  let matchesNothing = false;
  for (const [name, values] of params) {
    const parameter = Object.hasOwn(declaration.parameters, name) ? declaration.parameters[name] : undefined;
    if (!parameter) {
      problems.push(unknownParameter(type, name, supported));
      continue;
    }
    if (values.length > (parameter.range ? 2 : 1)) {
      problems.push(parameter.range ? `'${name}': at most twice, once with ge and once with le` : `'${name}': may appear once (use a comma list for "or")`);
      continue;
    }
    const outcome = collecting(problems, () => parameter.read(criteria, values, context));
    if (outcome === MATCHES_NOTHING) matchesNothing = true;
  }
  for (const [name, parameter] of Object.entries(declaration.parameters)) {
    if (parameter.required && !params.has(name)) problems.push(`'${name}': required`);
  }
  const finished = problems.length === 0 ? collecting(problems, () => declaration.finish(criteria)) : undefined;
  const normalised = normalisedQuery(params);
  const after = request.cursor === undefined ? undefined : collecting(problems, () => decodePageToken(type, type, normalised, request.cursor!));
  throwIfProblems(problems);
  return {
    resourceType: type,
    criteria: finished!,
    matchesNothing,
    count: request.count ?? DEFAULT_COUNT,
    ...(after && { after }),
    ...(request.cursor && { cursor: request.cursor }),
    pretty: request.pretty,
    query: normalised,
  };
}
