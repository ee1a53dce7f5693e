import type { Identifier, Practitioner } from '@medplum/fhirtypes';
import { localSystem, SYSTEM } from '../code-systems.js';
import type { FhirContext } from '../context.js';
import { fhirInstant } from '../dates.js';
import type { ProviderSource } from '../sources.js';
import { presentText } from '../text.js';
import { officialName } from './person-name.js';

/**
 * A provider. The email is left out on purpose: it is the provider's sign-in name, and a FHIR
 * reader (a lab, a payer) has no use for it.
 */
export function toFhirPractitioner(provider: ProviderSource, context: FhirContext): Practitioner {
  const license = presentText(provider.licenseNumber);
  const identifier: Identifier[] = [{ use: 'usual', system: localSystem.practitionerId(context), value: provider.id }];
  if (license) {
    identifier.push({ type: { coding: [{ system: SYSTEM.identifierType, code: 'LN', display: 'License number' }] }, value: license });
  }
  const phone = presentText(provider.phone);
  const specialty = presentText(provider.specialty);
  return {
    resourceType: 'Practitioner',
    id: provider.id,
    meta: { lastUpdated: fhirInstant(provider.updatedAt) },
    identifier,
    active: provider.isActive,
    name: [officialName(provider)],
    ...(phone && { telecom: [{ system: 'phone', value: phone, use: 'work' }] }),
    ...(specialty && { qualification: [{ code: { text: specialty } }] }),
  };
}
