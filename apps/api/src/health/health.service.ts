import { Injectable } from '@nestjs/common';
import { DatabaseAvailability } from '../common/database-availability.js';
import { DatabaseUnavailable } from '../common/domain-error.js';
import type { ReadinessDto } from './dto/readiness.dto.js';
import { HealthRepository } from './health.repository.js';
import { SchemaNotReady, SchemaUnreadable } from './schema-not-ready.error.js';
import { SchemaStateCache } from './schema-state.cache.js';

@Injectable()
export class HealthService {
  constructor(
    private readonly health: HealthRepository,
    private readonly schemaState: SchemaStateCache,
    private readonly availability: DatabaseAvailability,
  ) {}

  /**
   * Ready means: the database answers (asked on every probe: one trivial query, which also tells
   * the outage log when it is back), and its migrations are the ones this build carries (cached,
   * see SchemaStateCache). The replicas are reported, never required: the primary answers
   * whatever they cannot.
   */
  async checkReadiness(): Promise<ReadinessDto> {
    if (!(await this.availability.check())) throw new DatabaseUnavailable();
    const reading = await this.schemaState.current();
    if ('unreadable' in reading) throw new SchemaUnreadable();
    const { state } = reading;
    if (!state.ready) throw new SchemaNotReady(state);
    return {
      status: 'ok',
      database: 'up',
      schema: { version: state.version, codeVersion: state.codeVersion, ahead: state.ahead },
      replicas: this.health.replicaStates().map((replica) => ({ ...replica, checkedAt: replica.checkedAt?.toISOString() ?? null })),
    };
  }
}
