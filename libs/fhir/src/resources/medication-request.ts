import type { Dosage, MedicationRequest, Timing } from '@medplum/fhirtypes';
import { unknownConcept } from '../code-systems.js';
import type { FhirContext } from '../context.js';
import { fhirInstant } from '../dates.js';
import type { PrescriptionSource, SignedRecordHeader, VisitSource } from '../sources.js';
import { presentText } from '../text.js';
import { courseDuration, structuredFrequency } from './dosage-timing.js';
import { referenceTo } from './references.js';
import { assertBelongsTo, assertSigned } from './guards.js';

/** "1 tablet twice daily for 7 days": what the prescriber wrote, in one line. */
function dosageText(prescription: PrescriptionSource): string | undefined {
  const duration = presentText(prescription.duration);
  const words = [presentText(prescription.dosage), presentText(prescription.frequency), duration && `for ${duration}`];
  return words.filter(Boolean).join(' ') || undefined;
}

function dosageInstruction(prescription: PrescriptionSource): Dosage {
  const frequency = structuredFrequency(prescription.frequency);
  const course = courseDuration(prescription.duration);
  const repeat = { ...frequency?.repeat, ...(course && { boundsDuration: course }) };
  const timing: Timing | undefined = Object.keys(repeat).length > 0 ? { repeat } : undefined;
  const patientInstruction = presentText(prescription.instructions);
  const asNeeded = frequency?.asNeeded;
  const text = dosageText(prescription);
  return {
    sequence: 1,
    ...(text && { text }),
    ...(frequency?.additionalInstruction && { additionalInstruction: [{ text: frequency.additionalInstruction }] }),
    ...(patientInstruction && { patientInstruction }),
    ...(timing && { timing }),
    ...(asNeeded && ('boolean' in asNeeded ? { asNeededBoolean: true } : { asNeededCodeableConcept: asNeeded.concept })),
  };
}

/**
 * A prescription of a signed record (a draft's prescriptions never leave through FHIR), as an
 * active order by the clinician who signed it. The clinic records no dispensing or stopping, so
 * the status stays "active". Without notes, the indication and the allergy override reason are left out.
 */
export function toFhirMedicationRequest(prescription: PrescriptionSource, record: SignedRecordHeader, visit: VisitSource, context: FhirContext): MedicationRequest {
  assertSigned(record);
  assertBelongsTo('a prescription', prescription.medicalRecordId, record.id);
  assertBelongsTo('a medical record', record.appointmentId, visit.id);
  const medication = [presentText(prescription.medicationName), presentText(prescription.strength)].filter(Boolean).join(' ');
  const indication = context.withNotes ? presentText(prescription.indication) : undefined;
  const overrideReason = context.withNotes ? presentText(prescription.overrideReason) : undefined;
  // Counts: FHIR's unsignedInt and a dispensable quantity are never negative.
  const refills = prescription.refills !== null && prescription.refills >= 0 ? prescription.refills : null;
  const quantity = prescription.quantity !== null && prescription.quantity > 0 ? prescription.quantity : null;
  return {
    resourceType: 'MedicationRequest',
    id: prescription.id,
    meta: { lastUpdated: fhirInstant(record.signedAt) },
    status: 'active',
    intent: 'order',
    medicationCodeableConcept: medication ? { text: medication } : unknownConcept(),
    subject: referenceTo('Patient', visit.patientId),
    encounter: referenceTo('Encounter', visit.id),
    authoredOn: fhirInstant(prescription.createdAt),
    requester: referenceTo('Practitioner', record.signedById),
    ...(indication && { reasonCode: [{ text: indication }] }),
    ...(overrideReason && { note: [{ text: `Prescribed despite a recorded allergy: ${overrideReason}` }] }),
    dosageInstruction: [dosageInstruction(prescription)],
    ...((quantity !== null || refills !== null) && {
      dispenseRequest: {
        ...(refills !== null && { numberOfRepeatsAllowed: refills }),
        ...(quantity !== null && { quantity: { value: quantity } }),
      },
    }),
  };
}
