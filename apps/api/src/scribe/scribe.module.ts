import { Module } from '@nestjs/common';
import { AppointmentsModule } from '../appointments/appointments.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { RecordsModule } from '../records/records.module.js';
import { ScribeController } from './scribe.controller.js';
import { ScribeEngines } from './scribe-engines.js';
import { ScribeJobsRepository } from './scribe-jobs.repository.js';
import { ScribeQueue } from './scribe-queue.js';
import { ScribeRunner } from './scribe-runner.js';
import { ScribeService } from './scribe.service.js';

/**
 * The AI scribe: a visit's recording or transcript becomes a draft record with extracted items
 * (libs/scribe does the reading). Jobs are rows of scribe_jobs run through pg-boss's queue; the
 * draft is written through the records feature (ScribeDrafts), which owns those tables.
 */
@Module({
  imports: [AuditModule, AppointmentsModule, RecordsModule],
  controllers: [ScribeController],
  providers: [ScribeService, ScribeJobsRepository, ScribeEngines, ScribeQueue, ScribeRunner],
})
export class ScribeModule {}
