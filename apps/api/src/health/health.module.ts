import { Module } from '@nestjs/common';
import { HealthController } from './health.controller.js';
import { HealthRepository } from './health.repository.js';
import { HealthService } from './health.service.js';
import { SchemaStateCache } from './schema-state.cache.js';

@Module({
  controllers: [HealthController],
  providers: [HealthService, HealthRepository, SchemaStateCache],
})
export class HealthModule {}
