import { Module } from '@nestjs/common';
import { ChartController } from './chart.controller.js';
import { ChartRepository } from './chart.repository.js';
import { ChartService } from './chart.service.js';

/** GET /patients/:patientId/chart: the whole chart in one answer, in a fixed number of queries. */
@Module({
  controllers: [ChartController],
  providers: [ChartService, ChartRepository],
})
export class ChartModule {}
