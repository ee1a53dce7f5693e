import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { PrescriptionsController } from './prescriptions/prescriptions.controller.js';
import { PrescriptionsRepository } from './prescriptions/prescriptions.repository.js';
import { PrescriptionsService } from './prescriptions/prescriptions.service.js';
import { RecordsController } from './records.controller.js';
import { RecordsRepository } from './records.repository.js';
import { RecordsService } from './records.service.js';
import { SymptomsController } from './symptoms/symptoms.controller.js';
import { SymptomsRepository } from './symptoms/symptoms.repository.js';
import { SymptomsService } from './symptoms/symptoms.service.js';

/**
 * A visit's note and what hangs off it: the record (draft, signing, amendments) under
 * /appointments/:appointmentId/record, its symptoms and prescriptions under /records/:recordId.
 */
@Module({
  imports: [AuditModule],
  controllers: [RecordsController, SymptomsController, PrescriptionsController],
  providers: [RecordsService, RecordsRepository, SymptomsService, SymptomsRepository, PrescriptionsService, PrescriptionsRepository],
})
export class RecordsModule {}
