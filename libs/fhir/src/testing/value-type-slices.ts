import type { ElementDefinition, Observation, OperationOutcomeIssue, StructureDefinition } from '@medplum/fhirtypes';
import { expand } from './value-sets.js';

// @medplum/core 4.5 does not apply what a profile says inside a type slice of value[x]
// (`Observation.value[x]:valueQuantity.code` fixed to "/min", bound to ucum-bodytemp …): a heart
// rate in "beats/min" passes. This applies those element rules — presence, fixed values,
// required bindings — to the Observation's value.

const TYPE_SLICE_FIELD = /^Observation\.value\[x\]:(value[A-Z][A-Za-z]+)\.([a-z][A-Za-z]*)$/;

function fixedValue(element: ElementDefinition): unknown {
  return Object.entries(element).find(([name]) => name.startsWith('fixed') || name.startsWith('pattern'))?.[1];
}

export function valueTypeSliceIssues(observation: Observation, profile: StructureDefinition): OperationOutcomeIssue[] {
  const issues: OperationOutcomeIssue[] = [];
  const problem = (text: string) => issues.push({ severity: 'error', code: 'structure', details: { text }, expression: ['Observation.value[x]'], diagnostics: `profile ${profile.url}` });
  for (const element of profile.snapshot?.element ?? []) {
    const match = TYPE_SLICE_FIELD.exec(element.id ?? '');
    if (!match) continue;
    const [, property, field] = match;
    const value = Object.entries(observation).find(([name]) => name === property)?.[1] as Record<string, unknown> | undefined;
    if (value === undefined) continue;
    const actual = value[field];
    if (actual === undefined) {
      if ((element.min ?? 0) > 0) problem(`${property}.${field} is required`);
      continue;
    }
    const fixed = fixedValue(element);
    if (fixed !== undefined && actual !== fixed) problem(`${property}.${field} must be ${JSON.stringify(fixed)}`);
    if (element.binding?.strength === 'required' && element.binding.valueSet && typeof actual === 'string') {
      const allowed = expand(element.binding.valueSet);
      if (allowed && ![...allowed].some((key) => key.endsWith(`|${actual}`))) problem(`${property}.${field} "${actual}" is not in ${element.binding.valueSet}`);
    }
  }
  return issues;
}
