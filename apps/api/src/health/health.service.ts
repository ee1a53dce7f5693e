import { Injectable } from '@nestjs/common';
import { DatabaseUnavailable } from '../common/domain-error.js';
import type { ReadinessDto } from './dto/readiness.dto.js';
import { HealthRepository } from './health.repository.js';

@Injectable()
export class HealthService {
  constructor(private readonly health: HealthRepository) {}

  async checkReadiness(): Promise<ReadinessDto> {
    if (!(await this.health.databaseAnswers())) throw new DatabaseUnavailable();
    return { status: 'ok', database: 'up' };
  }
}
