import type { AllergyIntolerance, AllergyIntoleranceReaction } from '@medplum/fhirtypes';
import { SYSTEM, unknownConcept } from '../code-systems.js';
import { fhirDate, fhirInstant } from '../dates.js';
import type { AllergySeverityName, AllergySource } from '../sources.js';
import { presentText } from '../text.js';
import { referenceTo } from './references.js';

/**
 * Our one severity scale onto FHIR's two: how bad the reaction was (reaction.severity has no
 * "life-threatening", so it is "severe") and how dangerous another exposure is (criticality:
 * "high" for a severe or life-threatening reaction, "low" otherwise).
 */
export const ALLERGY_SEVERITY: Record<AllergySeverityName, { reaction: NonNullable<AllergyIntoleranceReaction['severity']>; criticality: NonNullable<AllergyIntolerance['criticality']> }> = {
  mild: { reaction: 'mild', criticality: 'low' },
  moderate: { reaction: 'moderate', criticality: 'low' },
  severe: { reaction: 'severe', criticality: 'high' },
  life_threatening: { reaction: 'severe', criticality: 'high' },
};

/**
 * The clinic records allergies the patient has, and deletes one that no longer applies: every
 * allergy on the chart is clinically active. The clinic records no verification, so none is claimed.
 */
export const ALLERGY_CLINICAL_STATUS = 'active';

function reaction(allergy: AllergySource): AllergyIntoleranceReaction[] {
  const manifestation = presentText(allergy.reaction);
  if (!manifestation && !allergy.severity) return [];
  return [
    {
      // A reaction needs a manifestation: when only the severity was recorded, it is unknown.
      manifestation: [manifestation ? { text: manifestation } : unknownConcept()],
      ...(allergy.severity && { severity: ALLERGY_SEVERITY[allergy.severity].reaction }),
    },
  ];
}

export function toFhirAllergyIntolerance(allergy: AllergySource): AllergyIntolerance {
  const reactions = reaction(allergy);
  const allergen = presentText(allergy.allergen);
  return {
    resourceType: 'AllergyIntolerance',
    id: allergy.id,
    clinicalStatus: { coding: [{ system: SYSTEM.allergyClinicalStatus, code: ALLERGY_CLINICAL_STATUS, display: 'Active' }] },
    ...(allergy.severity && { criticality: ALLERGY_SEVERITY[allergy.severity].criticality }),
    ...(allergen && { code: { text: allergen } }),
    patient: referenceTo('Patient', allergy.patientId),
    ...(allergy.onsetDate && { onsetDateTime: fhirDate(allergy.onsetDate) }),
    recordedDate: fhirInstant(allergy.createdAt),
    ...(reactions.length > 0 && { reaction: reactions }),
  };
}
