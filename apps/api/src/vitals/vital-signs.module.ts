import { Module } from '@nestjs/common';
import { AppointmentsModule } from '../appointments/appointments.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { PatientsModule } from '../patients/patients.module.js';
import { PatientVitalSignsController } from './patient-vital-signs.controller.js';
import { VitalSignsController } from './vital-signs.controller.js';
import { VitalSignsRepository } from './vital-signs.repository.js';
import { VitalSignsService } from './vital-signs.service.js';

/**
 * What is measured at a visit: one set per appointment (/appointments/:id/vitals) and a
 * patient's sets over time (/patients/:patientId/vitals). The visit and the patient come from
 * their own features' services.
 */
@Module({
  imports: [AuditModule, AppointmentsModule, PatientsModule],
  controllers: [VitalSignsController, PatientVitalSignsController],
  providers: [VitalSignsService, VitalSignsRepository],
  exports: [VitalSignsService],
})
export class VitalSignsModule {}
