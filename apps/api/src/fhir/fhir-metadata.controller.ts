import { Controller, Get, UseInterceptors } from '@nestjs/common';
import { FHIR_BASE_PATH } from '../common/fhir-errors.js';
import { Access } from '../identity/access.decorator.js';
import { type FhirAnswer, FhirJson } from './fhir-answer.js';
import { ApiFhir, ApiFhirController } from './fhir-api-docs.js';
import { Fhir, type FhirCall } from './fhir-call.js';
import { FhirMetadataService } from './fhir-metadata.service.js';

@ApiFhirController()
@Controller(FHIR_BASE_PATH.slice(1))
@UseInterceptors(FhirJson)
export class FhirMetadataController {
  constructor(private readonly metadata: FhirMetadataService) {}

  @Get('metadata')
  @Access('GET /fhir/R4/metadata')
  @ApiFhir('The CapabilityStatement', 'What this FHIR R4 server serves: resource types, interactions, search parameters, $everything. No sign-in needed.', {
    signedIn: false,
  })
  readCapabilities(@Fhir() call: FhirCall): FhirAnswer {
    return this.metadata.capabilities(call);
  }
}
