import type { HumanName } from '@medplum/fhirtypes';
import { presentText } from '../text.js';

/** A person's name as the chart holds it: one first name (kept whole, never split) and a last name. */
export function officialName(person: { firstName: string; lastName: string }): HumanName {
  const family = presentText(person.lastName);
  const given = presentText(person.firstName);
  return { use: 'official', ...(family && { family }), ...(given && { given: [given] }) };
}
