import { Injectable } from '@nestjs/common';
import { capabilityStatement, parseReadRequest } from '@clinic/fhir';
import { type FhirAnswer, fhirAnswer } from './fhir-answer.js';
import type { FhirCall } from './fhir-call.js';

/** The server's own name and version in its CapabilityStatement; the date is this release's. */
const SOFTWARE = { name: 'Clinic medical records', version: '0.1.0', releaseDate: new Date('2026-12-01T00:00:00.000Z') };

@Injectable()
export class FhirMetadataService {
  capabilities(call: FhirCall): FhirAnswer {
    const { pretty } = parseReadRequest(call.query);
    return fhirAnswer(capabilityStatement(call.context, SOFTWARE), pretty);
  }
}
