import { applyDecorators } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiDefaultResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { FHIR_JSON } from '@clinic/fhir';

// The FHIR routes in the OpenAPI document, briefly: their contract is FHIR R4's, stated by the
// CapabilityStatement at /fhir/R4/metadata and in docs/fhir.md, not by schemas here.

const FHIR_RESOURCE = { type: 'object', description: 'A FHIR R4 resource (see /fhir/R4/metadata)', additionalProperties: true } as const;

/** Every FHIR controller: tag `fhir`, answers in application/fhir+json, errors as OperationOutcome. */
export const ApiFhirController = () =>
  applyDecorators(
    ApiTags('fhir'),
    ApiProduces(FHIR_JSON),
    ApiDefaultResponse({ description: 'An error, as an OperationOutcome with the status (400, 401, 403, 404, 406, 429, 500, 503)', schema: FHIR_RESOURCE }),
  );

/** One FHIR interaction; `signedIn` unless it is /metadata. */
export const ApiFhir = (summary: string, description: string, options: { signedIn?: boolean } = {}) =>
  applyDecorators(
    ApiOperation({ summary, description }),
    ApiOkResponse({ description: summary, schema: FHIR_RESOURCE }),
    // Every interaction refuses a parameter it does not know, rather than ignoring it.
    ApiBadRequestResponse({ description: 'An unknown or malformed parameter, as an OperationOutcome', schema: FHIR_RESOURCE }),
    ...(options.signedIn === false ? [] : [ApiBearerAuth()]),
  );
