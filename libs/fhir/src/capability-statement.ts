import type { CapabilityStatement, CapabilityStatementRestResource } from '@medplum/fhirtypes';
import type { FhirContext } from './context.js';
import { DEFAULT_COUNT, MAX_COUNT } from './search/request-parameters.js';
import { SERVED_RESOURCES, type ServedResource, type ServedType } from './served-resources.js';

export interface SoftwareDescription {
  name: string;
  version: string;
  /** When this CapabilityStatement was last changed: the release's date. */
  releaseDate: Date;
}

function restResource(type: ServedType, served: ServedResource<unknown>): CapabilityStatementRestResource {
  const parameters = Object.entries(served.search?.parameters ?? {});
  return {
    type,
    profile: `http://hl7.org/fhir/StructureDefinition/${type}`,
    ...(served.supportedProfiles && { supportedProfile: [...served.supportedProfiles] }),
    documentation: served.documentation,
    interaction: [{ code: 'read' }, ...(served.search ? [{ code: 'search-type' as const }] : [])],
    versioning: 'no-version',
    readHistory: false,
    updateCreate: false,
    conditionalCreate: false,
    conditionalRead: 'not-supported',
    conditionalUpdate: false,
    conditionalDelete: 'not-supported',
    ...(parameters.length > 0 && {
      searchParam: parameters.map(([name, parameter]) => ({ name, definition: parameter.definition, type: parameter.type, documentation: parameter.documentation })),
    }),
    ...(served.everything && {
      operation: [
        {
          name: 'everything',
          definition: 'http://hl7.org/fhir/OperationDefinition/Patient-everything',
          documentation: 'The patient, their chart and the Practitioners it names; _since (an instant) and _count (1–200, absent: the whole chart) supported.',
        },
      ],
    }),
  };
}

/**
 * `GET /metadata`: exactly what is served, read from the same declaration as the search parser.
 * Read-only: no write, history or version interaction is offered.
 */
export function capabilityStatement(context: FhirContext, software: SoftwareDescription): CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: software.releaseDate.toISOString(),
    publisher: software.name,
    kind: 'instance',
    software: { name: software.name, version: software.version, releaseDate: software.releaseDate.toISOString() },
    implementation: { description: `${software.name} FHIR R4 API (read-only)`, url: context.baseUrl },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    rest: [
      {
        mode: 'server',
        documentation:
          `Read-only. Every listing is a searchset Bundle with total and self/next links; _count sets the page size (default ${DEFAULT_COUNT}, ` +
          `at most ${MAX_COUNT}; 0 gives the total only), _cursor is the opaque page token of a next link. Unknown or malformed ` +
          'parameters are refused with 400 and an OperationOutcome, never ignored. Patient searches leave archived patients out unless active=false is given.',
        security: {
          cors: false,
          description: 'Bearer access tokens from POST /api/v1/auth/login, the same as /api/v1; the same roles apply. /metadata needs none.',
        },
        resource: (Object.entries(SERVED_RESOURCES) as [ServedType, ServedResource<unknown>][]).map(([type, served]) => restResource(type, served)),
      },
    ],
  };
}
