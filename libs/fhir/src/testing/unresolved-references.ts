import type { Bundle } from '@medplum/fhirtypes';

/** The references of a Bundle's resources that no entry of the Bundle resolves (`Type/id`). */
export function unresolvedReferences(bundle: Bundle): string[] {
  const present = new Set((bundle.entry ?? []).map((entry) => `${entry.resource?.resourceType}/${entry.resource?.id}`));
  const missing = new Set<string>();
  JSON.stringify(bundle.entry ?? [], (key, value: unknown) => {
    if (key === 'reference' && typeof value === 'string' && !present.has(value)) missing.add(value);
    return value;
  });
  return [...missing];
}
