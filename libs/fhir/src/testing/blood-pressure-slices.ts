import type { Observation, OperationOutcomeIssue } from '@medplum/fhirtypes';

// @medplum/core 4.5 cannot match the component slices of the R4 bp profile: their discriminator
// (code.coding.code and code.coding.system) has its fixed values in a nested slice
// (code.coding:SBPCode), which its validator does not follow, so it reports SystolicBP and
// DiastolicBP missing on every blood pressure, right or wrong. Those two reports are replaced
// by the check the slices stand for.

export const BP_PROFILE = 'http://hl7.org/fhir/StructureDefinition/bp';

const UNFOLLOWED_SLICE = /^Incorrect number of values provided for slice '(SystolicBP|DiastolicBP)'/;

export function isUnfollowedBpSlice(issue: OperationOutcomeIssue): boolean {
  return UNFOLLOWED_SLICE.test(issue.details?.text ?? '');
}

const problem = (text: string): OperationOutcomeIssue => ({ severity: 'error', code: 'structure', details: { text }, expression: ['Observation.component'], diagnostics: `profile ${BP_PROFILE}` });

/** Exactly one systolic (8480-6) and one diastolic (8462-4) component, each a mm[Hg] quantity or a data-absent reason. */
export function bloodPressureComponentIssues(observation: Observation): OperationOutcomeIssue[] {
  const issues: OperationOutcomeIssue[] = [];
  for (const [slice, code] of [
    ['SystolicBP', '8480-6'],
    ['DiastolicBP', '8462-4'],
  ]) {
    const matching = (observation.component ?? []).filter((component) => component.code.coding?.some((coding) => coding.system === 'http://loinc.org' && coding.code === code));
    if (matching.length !== 1) {
      issues.push(problem(`slice '${slice}': expected 1 component coded ${code}, found ${matching.length}`));
      continue;
    }
    const [component] = matching;
    const quantity = component.valueQuantity;
    const measured = quantity !== undefined && typeof quantity.value === 'number' && quantity.system === 'http://unitsofmeasure.org' && quantity.code === 'mm[Hg]' && Boolean(quantity.unit);
    const other = Object.keys(component).filter((key) => key.startsWith('value') && key !== 'valueQuantity');
    if (other.length > 0 || (quantity !== undefined && !measured) || (quantity === undefined) === (component.dataAbsentReason === undefined)) {
      issues.push(problem(`slice '${slice}': the value must be a quantity in mm[Hg] (UCUM), or absent with a dataAbsentReason`));
    }
  }
  return issues;
}
