import type { CodeableConcept } from '@medplum/fhirtypes';
import type { FhirContext } from './context.js';

/** The code systems and identifier systems the resources use, by their canonical URIs. */
export const SYSTEM = {
  loinc: 'http://loinc.org',
  ucum: 'http://unitsofmeasure.org',
  observationCategory: 'http://terminology.hl7.org/CodeSystem/observation-category',
  actCode: 'http://terminology.hl7.org/CodeSystem/v3-ActCode',
  participationType: 'http://terminology.hl7.org/CodeSystem/v3-ParticipationType',
  contactRole: 'http://terminology.hl7.org/CodeSystem/v2-0131',
  identifierType: 'http://terminology.hl7.org/CodeSystem/v2-0203',
  allergyClinicalStatus: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical',
  conditionClinicalStatus: 'http://terminology.hl7.org/CodeSystem/condition-clinical',
  conditionCategory: 'http://terminology.hl7.org/CodeSystem/condition-category',
  appointmentStatus: 'http://hl7.org/fhir/appointmentstatus',
  dataAbsentReason: 'http://terminology.hl7.org/CodeSystem/data-absent-reason',
  administrativeGender: 'http://hl7.org/fhir/administrative-gender',
  contactPointSystem: 'http://hl7.org/fhir/contact-point-system',
} as const;

export const EXTENSION = {
  encounterReasonCancelled: 'http://hl7.org/fhir/StructureDefinition/encounter-reasonCancelled',
  dataAbsentReason: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason',
} as const;

// Values shared by many resources are built afresh for each: a caller changing one resource must
// not change the next.

/** A required concept the chart does not hold: said to be unknown, never made up. */
export const unknownConcept = (): CodeableConcept => ({ extension: [{ url: EXTENSION.dataAbsentReason, valueCode: 'unknown' }] });

/**
 * This server's own identifier and code systems: URIs under its FHIR base, so that two clinics'
 * patient ids never look like the same identifier.
 */
export const localSystem = {
  patientId: (context: FhirContext) => `${context.baseUrl}/sid/patient-id`,
  practitionerId: (context: FhirContext) => `${context.baseUrl}/sid/practitioner-id`,
  appointmentType: (context: FhirContext) => `${context.baseUrl}/CodeSystem/appointment-type`,
};
