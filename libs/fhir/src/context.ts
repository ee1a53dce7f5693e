/**
 * What every mapping and bundle needs to know about the request it answers: where this server's
 * FHIR API lives (absolute URLs in bundles, this server's identifier and code system URIs) and
 * whether the reader may see clinical notes.
 */
export interface FhirContext {
  /** The FHIR base, absolute, without a trailing slash: `https://clinic.example.org/fhir/R4`. */
  readonly baseUrl: string;
  /**
   * False for a role that may not read clinical notes (staff in /api/v1): no note resource, and
   * no field taken from a note (a prescription's indication and allergy override reason).
   */
  readonly withNotes: boolean;
}

/** Checks and normalises the base URL once, so that every URL built from it is well formed. */
export function fhirContext(baseUrl: string, options: { withNotes: boolean }): FhirContext {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new Error(`FHIR base URL is not an absolute URL: ${baseUrl}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`FHIR base URL must be http(s): ${baseUrl}`);
  if (url.search || url.hash || url.username || url.password) throw new Error(`FHIR base URL must be a plain path: ${baseUrl}`);
  return { baseUrl: url.toString().replace(/\/+$/, ''), withNotes: options.withNotes };
}
