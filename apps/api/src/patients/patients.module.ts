import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { AllergiesController } from './allergies/allergies.controller.js';
import { AllergiesRepository } from './allergies/allergies.repository.js';
import { AllergiesService } from './allergies/allergies.service.js';
import { ConditionsController } from './conditions/conditions.controller.js';
import { ConditionsRepository } from './conditions/conditions.repository.js';
import { ConditionsService } from './conditions/conditions.service.js';
import { PatientCharts } from './patient-charts.js';
import { PatientsController } from './patients.controller.js';
import { PatientsRepository } from './patients.repository.js';
import { PatientsService } from './patients.service.js';

/**
 * Patients and the parts of their chart that hang off them directly: allergies and chronic
 * conditions live under /patients/:id and need the patient first, so they share this module.
 * Other features reach these tables through the exported services (prescriptions read the
 * allergies here; the schedule and vital signs look patients up here), never through Prisma.
 */
@Module({
  imports: [AuditModule],
  controllers: [PatientsController, AllergiesController, ConditionsController],
  providers: [PatientsService, PatientsRepository, PatientCharts, AllergiesService, AllergiesRepository, ConditionsService, ConditionsRepository],
  exports: [PatientsService, AllergiesService, ConditionsService],
})
export class PatientsModule {}
