import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module.js';
import { ChartController } from './chart.controller.js';
import { ChartRepository } from './chart.repository.js';
import { ChartService } from './chart.service.js';

/** GET /patients/:patientId/chart: the whole chart in one answer, in a fixed number of queries. */
@Module({
  imports: [AuditModule],
  controllers: [ChartController],
  providers: [ChartService, ChartRepository],
})
export class ChartModule {}
