import { Module } from '@nestjs/common';
import { AppointmentsModule } from '../appointments/appointments.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { PatientsModule } from '../patients/patients.module.js';
import { RecordsModule } from '../records/records.module.js';
import { VitalSignsModule } from '../vitals/vital-signs.module.js';
import { ChartController } from './chart.controller.js';
import { ChartService } from './chart.service.js';

/**
 * GET /patients/:patientId/chart: the whole chart in one answer, read in one statement from the
 * parts the owning features lend, with its audit event (AuditTrail.readRecorded).
 */
@Module({
  imports: [AuditModule, PatientsModule, AppointmentsModule, RecordsModule, VitalSignsModule],
  controllers: [ChartController],
  providers: [ChartService],
})
export class ChartModule {}
