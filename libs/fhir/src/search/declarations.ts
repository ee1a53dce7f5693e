import type { FhirContext } from '../context.js';

export type SearchParameterType = 'string' | 'token' | 'date' | 'reference';

/** What reading a value may conclude: no resource can match, so nothing needs to be read. */
export const MATCHES_NOTHING = Symbol('matches nothing');

/**
 * One search parameter: what the CapabilityStatement says of it and how its value is read, in
 * one place, so that the two cannot disagree.
 */
export interface SearchParameterDeclaration<Criteria> {
  type: SearchParameterType;
  /** The R4 SearchParameter it implements. */
  definition: string;
  documentation: string;
  required?: boolean;
  /** May appear twice, with ge and le, to give a range (only date parameters). */
  range?: boolean;
  /** Reads the values (present, non-empty, free of control characters) into the criteria. */
  read(criteria: Partial<Criteria>, values: readonly string[], context: FhirContext): void | typeof MATCHES_NOTHING;
}

export interface ResourceSearchDeclaration<Criteria> {
  parameters: Readonly<Record<string, SearchParameterDeclaration<Criteria>>>;
  /** The criteria once every parameter given was read (required ones are checked before). */
  finish(criteria: Partial<Criteria>): Criteria;
}

/** Where R4's own SearchParameters live: each declared parameter names the one it implements. */
export const SEARCH_PARAMETER = 'http://hl7.org/fhir/SearchParameter';
