import type { Encounter, Patient, Practitioner, Reference } from '@medplum/fhirtypes';
import type { FhirContext } from '../context.js';

interface Referenced {
  Patient: Patient;
  Practitioner: Practitioner;
  Encounter: Encounter;
}

/** A relative reference, as FHIR recommends inside one server. */
export function referenceTo<Type extends keyof Referenced>(type: Type, id: string): Reference<Referenced[Type]> {
  return { reference: `${type}/${id}` };
}

/** Where a resource lives on this server: a bundle entry's fullUrl, a link. */
export function resourceUrl(context: FhirContext, type: string, id: string): string {
  return `${context.baseUrl}/${type}/${id}`;
}
