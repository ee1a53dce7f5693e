import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { documentAccess, documentDatabaseOutages } from './route-answers.js';
import { inStableOrder } from './stable-order.js';

const DESCRIPTION = [
  'The REST API clinic clients build against.',
  'Every error has the body { statusCode, error, message }, plus `errors` (one entry per field) for invalid input',
  'and a machine-readable `code` for domain errors. Lists take `limit` and `cursor` and answer { data, nextCursor }.',
  'A 503 (code database_unavailable) means the database was briefly away and nothing was written: retry after Retry-After seconds.',
].join(' ');

/**
 * The OpenAPI document of the routes registered on this application: what /docs-json serves and
 * what `nx run api:openapi` writes to apps/api/openapi.json. Needs the application assembled,
 * not initialised, so it never waits for a database.
 */
export function describeApi(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Clinic medical records API')
      .setDescription(DESCRIPTION)
      .setVersion('0.1.0')
      .setLicense('Apache-2.0', 'https://www.apache.org/licenses/LICENSE-2.0')
      // Relative: the API answers on the host that served this document.
      .addServer('/', 'The API that serves this document')
      .addBearerAuth()
      .build(),
  );
  documentAccess(document);
  documentDatabaseOutages(document);
  return inStableOrder(document);
}

/** The committed file's form: two-space indentation and a final newline. */
export function serializeDocument(document: OpenAPIObject): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}
