import { Controller, Get, Param, UseInterceptors } from '@nestjs/common';
import { FHIR_BASE_PATH } from '../common/fhir-errors.js';
import { Access } from '../identity/access.decorator.js';
import { type FhirAnswer, FhirJson } from './fhir-answer.js';
import { ApiFhir, ApiFhirController } from './fhir-api-docs.js';
import { Fhir, type FhirCall } from './fhir-call.js';
import { FhirEverythingService } from './fhir-everything.service.js';
import { FhirReadsService } from './fhir-reads.service.js';
import { FhirSearchesService } from './fhir-searches.service.js';

/** Patients and the Practitioners their charts name: search, read and $everything. */
@ApiFhirController()
@Controller(FHIR_BASE_PATH.slice(1))
@UseInterceptors(FhirJson)
export class FhirPatientsController {
  constructor(
    private readonly reads: FhirReadsService,
    private readonly searches: FhirSearchesService,
    private readonly everything: FhirEverythingService,
  ) {}

  @Get('Patient')
  @Access('GET /fhir/R4/Patient')
  @ApiFhir('Search patients', 'A searchset Bundle: name, family, given, birthdate, gender, telecom, active; archived patients only with active=false.')
  searchPatients(@Fhir() call: FhirCall): Promise<FhirAnswer> {
    return this.searches.searchPatients(call);
  }

  @Get('Patient/:id')
  @Access('GET /fhir/R4/Patient/{id}')
  @ApiFhir('Read a patient', 'An archived patient reads, with active false.')
  readPatient(@Param('id') id: string, @Fhir() call: FhirCall): Promise<FhirAnswer> {
    return this.reads.readPatient(id, call);
  }

  @Get('Patient/:id/$everything')
  @Access('GET /fhir/R4/Patient/{id}/$everything')
  @ApiFhir('A patient\'s whole chart', 'A searchset Bundle: the patient, their chart (no notes for staff) and the Practitioners it names; _since and _count.')
  exportChart(@Param('id') id: string, @Fhir() call: FhirCall): Promise<FhirAnswer> {
    return this.everything.exportChart(id, call);
  }

  @Get('Practitioner/:id')
  @Access('GET /fhir/R4/Practitioner/{id}')
  @ApiFhir('Read a practitioner', 'A provider as the charts name them: name, license number, specialty, work phone.')
  readPractitioner(@Param('id') id: string, @Fhir() call: FhirCall): Promise<FhirAnswer> {
    return this.reads.readPractitioner(id, call);
  }
}
