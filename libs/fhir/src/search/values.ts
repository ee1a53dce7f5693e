// Reading one search parameter's value by its FHIR type (string, token, date, reference). Each
// reader throws SearchProblem with a sentence a client can act on; the parser collects them into
// one 400 OperationOutcome. Messages name the parameter, never echo the value (it may be a name).

export class SearchProblem extends Error {}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID.test(value);
}

/** Splits on unescaped commas (FHIR's "or"), keeping `\,` inside a value. */
export function alternatives(value: string): string[] {
  return value.split(/(?<!\\),/);
}

/** FHIR's escapes in a search value: `\,` `\|` `\$` `\\`. */
export function unescape(value: string): string {
  return value.replace(/\\([,|$\\])/g, '$1');
}

/** A string parameter's alternatives, whitespace-normalised, each within the lengths given. */
export function stringAlternatives(name: string, value: string, lengths: { min: number; max: number }): string[] {
  return alternatives(value).map((alternative) => {
    const text = unescape(alternative).trim().replace(/\s+/g, ' ');
    if (text.length < lengths.min) throw new SearchProblem(`${name}: each value needs at least ${lengths.min} characters`);
    if (text.length > lengths.max) throw new SearchProblem(`${name}: a value may have at most ${lengths.max} characters`);
    return text;
  });
}

export interface Token {
  system?: string;
  code: string;
}

/** `code` or `system|code`; `|code` (explicitly no system) and `system|` (any code) are refused. */
export function tokens(name: string, value: string): Token[] {
  return alternatives(value).map((alternative) => {
    const parts = alternative.split(/(?<!\\)\|/);
    if (parts.length > 2) throw new SearchProblem(`${name}: a value is code or system|code`);
    const [system, code] = parts.length === 2 ? parts.map(unescape) : [undefined, unescape(parts[0])];
    if (system === '') throw new SearchProblem(`${name}: give code or system|code (a missing system is not supported)`);
    if (!code) throw new SearchProblem(`${name}: every value needs a code`);
    return system === undefined ? { code } : { system, code };
  });
}

/** Token values from one known code system: a value with another system is an error, not a miss. */
export function codesOf<Code extends string>(name: string, value: string, system: string, known: readonly Code[]): Code[] {
  return tokens(name, value).map((token) => {
    if (token.system !== undefined && token.system !== system) throw new SearchProblem(`${name}: the system must be ${system}`);
    const code = known.find((candidate) => candidate === token.code);
    if (!code) throw new SearchProblem(`${name}: the code must be one of ${known.join(', ')}`);
    return code;
  });
}

/** `patient=<id>`, `Patient/<id>` or `<base>/Patient/<id>`: one patient, by its id. */
export function patientReference(name: string, value: string, baseUrl: string): string {
  if (alternatives(value).length > 1) throw new SearchProblem(`${name}: name one patient`);
  const id = value.startsWith(`${baseUrl}/Patient/`)
    ? value.slice(baseUrl.length + '/Patient/'.length)
    : value.startsWith('Patient/')
      ? value.slice('Patient/'.length)
      : value;
  if (!isUuid(id)) throw new SearchProblem(`${name}: must be a Patient id (a UUID), Patient/<id> or its URL on this server`);
  return id.toLowerCase();
}
