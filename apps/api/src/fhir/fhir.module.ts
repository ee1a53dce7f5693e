import { Module } from '@nestjs/common';
import { AppointmentsModule } from '../appointments/appointments.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { IdentityModule } from '../identity/identity.module.js';
import { PatientsModule } from '../patients/patients.module.js';
import { RecordsModule } from '../records/records.module.js';
import { VitalSignsModule } from '../vitals/vital-signs.module.js';
import { FhirChartController } from './fhir-chart.controller.js';
import { FhirEverythingService } from './fhir-everything.service.js';
import { FhirMetadataController } from './fhir-metadata.controller.js';
import { FhirMetadataService } from './fhir-metadata.service.js';
import { FhirPatientsController } from './fhir-patients.controller.js';
import { FhirReadsService } from './fhir-reads.service.js';
import { FhirSearchesService } from './fhir-searches.service.js';
import { FhirRepository } from './fhir.repository.js';

/**
 * The read-only FHIR R4 API at /fhir/R4 (docs/fhir.md): the same rows as /api/v1 through their
 * owners' services, mapped by @clinic/fhir, with the same sign-in, roles and audit trail. It owns
 * no table; its repository only composes the owners' read parts into one statement.
 */
@Module({
  imports: [AuditModule, IdentityModule, PatientsModule, AppointmentsModule, VitalSignsModule, RecordsModule],
  controllers: [FhirMetadataController, FhirPatientsController, FhirChartController],
  providers: [FhirMetadataService, FhirReadsService, FhirSearchesService, FhirEverythingService, FhirRepository],
})
export class FhirModule {}
