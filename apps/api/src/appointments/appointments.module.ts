import { Module, type OnModuleInit } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { PatientLookups } from '../audit/patient-lookups.js';
import { IdentityModule } from '../identity/identity.module.js';
import { PatientsModule } from '../patients/patients.module.js';
import { AppointmentsController } from './appointments.controller.js';
import { AppointmentsRepository } from './appointments.repository.js';
import { AppointmentsService } from './appointments.service.js';

/** The schedule: appointments and their status moves. The visit's record and vital signs build on it through AppointmentsService. */
@Module({
  imports: [AuditModule, IdentityModule, PatientsModule],
  controllers: [AppointmentsController],
  providers: [AppointmentsService, AppointmentsRepository],
  exports: [AppointmentsService],
})
export class AppointmentsModule implements OnModuleInit {
  constructor(
    private readonly lookups: PatientLookups,
    private readonly appointments: AppointmentsService,
  ) {}

  /** The trail can tell whose an appointment is when it records a refused request on one. */
  onModuleInit(): void {
    this.lookups.register('appointment', async (appointmentId) => (await this.appointments.findAppointment(appointmentId))?.patientId ?? null);
  }
}
