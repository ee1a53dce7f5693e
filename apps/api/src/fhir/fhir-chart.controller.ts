import { Controller, Get, Param, UseInterceptors } from '@nestjs/common';
import { FHIR_BASE_PATH } from '../common/fhir-errors.js';
import { Access } from '../identity/access.decorator.js';
import { type FhirAnswer, FhirJson } from './fhir-answer.js';
import { ApiFhir, ApiFhirController } from './fhir-api-docs.js';
import { Fhir, type FhirCall } from './fhir-call.js';
import { FhirReadsService } from './fhir-reads.service.js';
import { FhirSearchesService } from './fhir-searches.service.js';

const WITHIN_ONE_CHART = 'A searchset Bundle within one patient\'s chart: patient (required)';

/** A chart's resources: visits, vital signs, allergies, conditions, prescriptions and signed notes. */
@ApiFhirController()
@Controller(FHIR_BASE_PATH.slice(1))
@UseInterceptors(FhirJson)
export class FhirChartController {
  constructor(
    private readonly reads: FhirReadsService,
    private readonly searches: FhirSearchesService,
  ) {}

  @Get('Encounter')
  @Access('GET /fhir/R4/Encounter')
  @ApiFhir('Search encounters', `${WITHIN_ONE_CHART}, date.`)
  searchEncounters(@Fhir() call: FhirCall): Promise<FhirAnswer> {
    return this.searches.searchEncounters(call);
  }

  @Get('Encounter/:id')
  @Access('GET /fhir/R4/Encounter/{id}')
  @ApiFhir('Read an encounter', 'One appointment.')
  readEncounter(@Param('id') id: string, @Fhir() call: FhirCall): Promise<FhirAnswer> {
    return this.reads.readEncounter(id, call);
  }

  @Get('Observation')
  @Access('GET /fhir/R4/Observation')
  @ApiFhir('Search vital-sign observations', `${WITHIN_ONE_CHART}, date, category, code.`)
  searchObservations(@Fhir() call: FhirCall): Promise<FhirAnswer> {
    return this.searches.searchObservations(call);
  }

  @Get('Observation/:id')
  @Access('GET /fhir/R4/Observation/{id}')
  @ApiFhir('Read a vital-sign observation', 'One measurement of a visit: <vital-signs id>-<measurement>.')
  readObservation(@Param('id') id: string, @Fhir() call: FhirCall): Promise<FhirAnswer> {
    return this.reads.readObservation(id, call);
  }

  @Get('AllergyIntolerance')
  @Access('GET /fhir/R4/AllergyIntolerance')
  @ApiFhir('Search allergies', `${WITHIN_ONE_CHART}, clinical-status.`)
  searchAllergyIntolerances(@Fhir() call: FhirCall): Promise<FhirAnswer> {
    return this.searches.searchAllergyIntolerances(call);
  }

  @Get('AllergyIntolerance/:id')
  @Access('GET /fhir/R4/AllergyIntolerance/{id}')
  @ApiFhir('Read an allergy', 'One allergy on a chart.')
  readAllergyIntolerance(@Param('id') id: string, @Fhir() call: FhirCall): Promise<FhirAnswer> {
    return this.reads.readAllergyIntolerance(id, call);
  }

  @Get('Condition')
  @Access('GET /fhir/R4/Condition')
  @ApiFhir('Search chronic conditions', `${WITHIN_ONE_CHART}, clinical-status.`)
  searchConditions(@Fhir() call: FhirCall): Promise<FhirAnswer> {
    return this.searches.searchConditions(call);
  }

  @Get('Condition/:id')
  @Access('GET /fhir/R4/Condition/{id}')
  @ApiFhir('Read a chronic condition', 'One condition on a chart.')
  readCondition(@Param('id') id: string, @Fhir() call: FhirCall): Promise<FhirAnswer> {
    return this.reads.readCondition(id, call);
  }

  @Get('MedicationRequest')
  @Access('GET /fhir/R4/MedicationRequest')
  @ApiFhir('Search prescriptions', `${WITHIN_ONE_CHART}. Signed notes' prescriptions only; staff get them without indication or override reason.`)
  searchMedicationRequests(@Fhir() call: FhirCall): Promise<FhirAnswer> {
    return this.searches.searchMedicationRequests(call);
  }

  @Get('MedicationRequest/:id')
  @Access('GET /fhir/R4/MedicationRequest/{id}')
  @ApiFhir('Read a prescription', 'A signed note\'s prescription (a draft\'s is 404); staff get it without indication or override reason.')
  readMedicationRequest(@Param('id') id: string, @Fhir() call: FhirCall): Promise<FhirAnswer> {
    return this.reads.readMedicationRequest(id, call);
  }

  @Get('Composition/:id')
  @Access('GET /fhir/R4/Composition/{id}')
  @ApiFhir('Read a signed visit note', 'The note with its symptoms and amendments; a draft is 404. Not for staff.')
  readComposition(@Param('id') id: string, @Fhir() call: FhirCall): Promise<FhirAnswer> {
    return this.reads.readComposition(id, call);
  }
}
