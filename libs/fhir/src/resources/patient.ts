import type { ContactPoint, Patient } from '@medplum/fhirtypes';
import { localSystem, SYSTEM } from '../code-systems.js';
import type { FhirContext } from '../context.js';
import { fhirDate, fhirInstant } from '../dates.js';
import type { PatientSource } from '../sources.js';
import { presentText } from '../text.js';
import { officialName } from './person-name.js';

function phone(value: string): ContactPoint[] {
  const number = presentText(value);
  return number ? [{ system: 'phone', value: number }] : [];
}

/**
 * The emergency contact: v2-0131 "C" (Emergency Contact) says why they are listed, the free-text
 * relationship ("Spouse") says who they are; FHIR allows both as separate concepts.
 */
function emergencyContact(patient: PatientSource): NonNullable<Patient['contact']> {
  const name = presentText(patient.emergencyContactName);
  const telecom = phone(patient.emergencyContactPhone);
  if (!name && telecom.length === 0) return [];
  const relationship = presentText(patient.emergencyContactRelationship);
  return [
    {
      relationship: [
        { coding: [{ system: SYSTEM.contactRole, code: 'C', display: 'Emergency Contact' }] },
        ...(relationship ? [{ text: relationship }] : []),
      ],
      ...(name && { name: { text: name } }),
      ...(telecom.length > 0 && { telecom }),
    },
  ];
}

/** A patient; an archived one still reads (it is history) with `active: false`. */
export function toFhirPatient(patient: PatientSource, context: FhirContext): Patient {
  const email = presentText(patient.email);
  const address = presentText(patient.address);
  const contact = emergencyContact(patient);
  const telecom = [...phone(patient.phone), ...(email ? [{ system: 'email' as const, value: email }] : [])];
  return {
    resourceType: 'Patient',
    id: patient.id,
    meta: { lastUpdated: fhirInstant(patient.updatedAt) },
    identifier: [{ use: 'usual', system: localSystem.patientId(context), value: patient.id }],
    active: patient.archivedAt === null,
    name: [officialName(patient)],
    ...(telecom.length > 0 && { telecom }),
    gender: patient.sex,
    birthDate: fhirDate(patient.dateOfBirth),
    ...(address && { address: [{ text: address }] }),
    ...(contact.length > 0 && { contact }),
  };
}
