import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { PatientsModule } from '../patients/patients.module.js';
import { AppointmentsController } from './appointments.controller.js';
import { AppointmentsRepository } from './appointments.repository.js';
import { AppointmentsService } from './appointments.service.js';
import { PatientVitalSignsController } from './vitals/patient-vital-signs.controller.js';
import { VitalSignsController } from './vitals/vital-signs.controller.js';
import { VitalSignsRepository } from './vitals/vital-signs.repository.js';
import { VitalSignsService } from './vitals/vital-signs.service.js';

/** The schedule and what is measured at the visit: vital signs hang off an appointment. */
@Module({
  imports: [AuditModule, PatientsModule],
  controllers: [AppointmentsController, VitalSignsController, PatientVitalSignsController],
  providers: [AppointmentsService, AppointmentsRepository, VitalSignsService, VitalSignsRepository],
  exports: [AppointmentsService],
})
export class AppointmentsModule {}
