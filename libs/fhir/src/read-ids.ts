import { fhirErrors } from './outcomes.js';
import { parseVitalSignObservationId } from './resources/vital-signs.js';
import { isUuid } from './search/values.js';
import type { ServedType } from './served-resources.js';

/**
 * The id of `GET /fhir/R4/{type}/{id}`, normalised, or a 404: an id that cannot be one of ours
 * names nothing here (and never reaches a UUID column as a 500). Observation ids are
 * `<vital-signs id>-<measurement>`: split them with parseVitalSignObservationId.
 */
export function readIdOrNotFound(type: ServedType, id: string): string {
  const normalised = id.toLowerCase();
  const known = type === 'Observation' ? parseVitalSignObservationId(normalised) !== null : isUuid(normalised);
  if (!known) throw fhirErrors.notFound(type, id);
  return normalised;
}
