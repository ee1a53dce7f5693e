import { HttpStatus, ServiceUnavailableException } from '@nestjs/common';
import { describeSchemaState, type SchemaState } from '@clinic/db/migrations';
import type { ReadinessRefusedDto } from './dto/readiness.dto.js';

// Readiness refusals carry a body of their own (what is pending, unknown …), which the shared
// error filter passes through for HTTP exceptions: the route answers 503 and the orchestrator
// keeps traffic away from an instance whose code and database disagree.

/** The database's migrations do not match this build. */
export class SchemaNotReady extends ServiceUnavailableException {
  constructor(state: SchemaState) {
    const { version, codeVersion, ahead, pending, unknown, failed, checksumMismatches } = state;
    const body: ReadinessRefusedDto = {
      statusCode: HttpStatus.SERVICE_UNAVAILABLE,
      error: 'Service Unavailable',
      code: 'schema_not_ready',
      message: describeSchemaState(state),
      schema: { version, codeVersion, ahead, pending, unknown, failed, checksumMismatches },
    };
    super(body);
  }
}

/** The migration history could not be read (the reason is in the log, not in a public answer). */
export class SchemaUnreadable extends ServiceUnavailableException {
  constructor() {
    const body: ReadinessRefusedDto = {
      statusCode: HttpStatus.SERVICE_UNAVAILABLE,
      error: 'Service Unavailable',
      code: 'schema_unreadable',
      message: "The database answers, but its migration history (_prisma_migrations) could not be read: see the API's log",
    };
    super(body);
  }
}
