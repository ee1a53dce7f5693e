import { getSchemaPath, type OpenAPIObject, type OperationObject, type ResponseObject } from '@nestjs/swagger';
import { RETRY_AFTER_HEADER } from '../common/api-docs.js';
import { ErrorResponseDto } from '../common/dto/error-response.dto.js';
import { DatabaseUnavailable } from '../common/domain-error.js';
import { accessOf } from '../identity/access-table.js';

// What every operation answers because of the rules all routes share, written into the document
// once rather than by a decorator on each handler: who may call it (from the access table, the
// one place that says so) and the 503 of a database outage.

/** The liveness probe answers from the process alone; every other route reads the database. */
const WITHOUT_DATABASE = new Set(['GET /health/live']);

const BEARER = 'bearer';

function* operationsOf(document: OpenAPIObject): Generator<{ route: string; operation: OperationObject }> {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (typeof operation === 'object' && operation !== null && 'responses' in operation) {
        yield { route: `${method.toUpperCase()} ${path}`, operation: operation as OperationObject };
      }
    }
  }
}

/**
 * Public routes say so with `security: []` (Nest's decorators cannot write an empty list); every
 * other route needs the bearer token, whether or not its controller remembered ApiBearerAuth.
 */
export function documentAccess(document: OpenAPIObject): void {
  for (const { route, operation } of operationsOf(document)) {
    const access = accessOf(route);
    // A route missing from the table is left without security: the lint and the access-table
    // test both name it, and the API still starts.
    if (!access) continue;
    operation.security = access.allow === 'public' ? [] : [{ [BEARER]: [] }];
  }
}

function databaseUnavailable(): ResponseObject {
  const refusal = new DatabaseUnavailable();
  return {
    description: 'The database is briefly unavailable. Nothing was written, so the same request is safe to send again after Retry-After seconds',
    headers: RETRY_AFTER_HEADER,
    content: {
      'application/json': {
        schema: { $ref: getSchemaPath(ErrorResponseDto) },
        example: { statusCode: 503, error: 'Service Unavailable', code: refusal.code, message: refusal.message },
      },
    },
  };
}

/** Every route that reads the database can answer 503 during an outage; one that documents its own 503 keeps it. */
export function documentDatabaseOutages(document: OpenAPIObject): void {
  for (const { route, operation } of operationsOf(document)) {
    if (WITHOUT_DATABASE.has(route) || operation.responses['503']) continue;
    operation.responses['503'] = databaseUnavailable();
  }
}
