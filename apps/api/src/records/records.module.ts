import { Module, type OnModuleInit } from '@nestjs/common';
import { AppointmentsModule } from '../appointments/appointments.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { PatientLookups } from '../audit/patient-lookups.js';
import { PatientsModule } from '../patients/patients.module.js';
import { PrescriptionsController } from './prescriptions/prescriptions.controller.js';
import { PrescriptionsRepository } from './prescriptions/prescriptions.repository.js';
import { PrescriptionsService } from './prescriptions/prescriptions.service.js';
import { RecordNotes } from './record-notes.js';
import { RecordsController } from './records.controller.js';
import { RecordsRepository } from './records.repository.js';
import { RecordsService } from './records.service.js';
import { PendingReviews } from './review/pending-reviews.js';
import { ScribeDrafts } from './scribe-drafts.js';
import { SymptomsController } from './symptoms/symptoms.controller.js';
import { SymptomsRepository } from './symptoms/symptoms.repository.js';
import { SymptomsService } from './symptoms/symptoms.service.js';

/**
 * A visit's note and what hangs off it: the record (draft, signing, amendments) under
 * /appointments/:appointmentId/record, its symptoms and prescriptions under /records/:recordId.
 * The visit comes from the appointments feature, the allergies from the patients feature, through
 * their services.
 */
@Module({
  imports: [AuditModule, AppointmentsModule, PatientsModule],
  controllers: [RecordsController, SymptomsController, PrescriptionsController],
  providers: [RecordsService, RecordsRepository, RecordNotes, PendingReviews, SymptomsService, SymptomsRepository, PrescriptionsService, PrescriptionsRepository, ScribeDrafts],
  exports: [RecordsService, PrescriptionsService, SymptomsService, ScribeDrafts],
})
export class RecordsModule implements OnModuleInit {
  constructor(
    private readonly lookups: PatientLookups,
    private readonly records: RecordsService,
  ) {}

  /** The trail can tell whose a record is when it records a refused request on one. */
  onModuleInit(): void {
    this.lookups.register('medical_record', async (recordId) => (await this.records.findRecordOwner(recordId))?.patientId ?? null);
  }
}
