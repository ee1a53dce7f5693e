// The committed contract (apps/api/openapi.json) is what the code generates and what the running
// API serves, and it states the rules every route shares: who may call it, and the 503 of a
// database outage. `nx run api:lint-openapi` holds it to the linter.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { accessOf } from '../src/identity/access-table.js';
import { generateOpenApiJson, openApiFilePath } from '../src/openapi/openapi-file.js';
import { startTestApp, type TestApp } from './support/test-app.js';

interface Operation {
  parameters?: { name: string; in: string; required?: boolean }[];
  security?: Record<string, string[]>[];
  responses: Record<string, { headers?: Record<string, unknown>; content?: Record<string, { schema?: { $ref?: string }; example?: { code?: string } }> }>;
}

type Paths = Record<string, Record<string, Operation>>;

function operationsOf(paths: Paths): { route: string; operation: Operation }[] {
  return Object.entries(paths).flatMap(([path, item]) => Object.entries(item).map(([method, operation]) => ({ route: `${method.toUpperCase()} ${path}`, operation })));
}

describe('the OpenAPI contract', () => {
  let committed: string;
  before(async () => {
    committed = await readFile(openApiFilePath(), 'utf8');
  });

  it('is committed as the code generates it', async () => {
    const generated = await generateOpenApiJson();
    assert.ok(generated === committed, 'apps/api/openapi.json is stale: run `nx run api:openapi` and commit the file');
  });

  it('says which routes are public and which need the bearer token, as the access table does', () => {
    const { paths } = JSON.parse(committed) as { paths: Paths };
    for (const { route, operation } of operationsOf(paths)) {
      const expected = accessOf(route)?.allow === 'public' ? [] : [{ bearer: [] }];
      assert.deepEqual(operation.security, expected, route);
    }
  });

  it('documents a 503 with Retry-After and code database_unavailable on every route that reads the database', () => {
    const { paths } = JSON.parse(committed) as { paths: Paths };
    for (const { route, operation } of operationsOf(paths)) {
      const outage = operation.responses['503'];
      if (route === 'GET /health/live') {
        assert.equal(outage, undefined, 'the liveness probe does not read the database');
        continue;
      }
      assert.ok(outage?.headers?.['Retry-After'], `${route}: 503 with Retry-After`);
      // Readiness answers the error body plus what the schema lacks (ReadinessRefusedDto extends it).
      const body = route === 'GET /health/ready' ? '#/components/schemas/ReadinessRefusedDto' : '#/components/schemas/ErrorResponseDto';
      assert.equal(outage.content?.['application/json']?.schema?.$ref, body, route);
    }
    const example = paths['/api/v1/patients']!['post']!.responses['503']!.content!['application/json']!.example;
    assert.equal(example?.code, 'database_unavailable');
  });

  it('lists each parameter once (header names compare without case), and If-Match as optional', () => {
    const { paths } = JSON.parse(committed) as { paths: Paths };
    for (const { route, operation } of operationsOf(paths)) {
      const names = (operation.parameters ?? []).map((parameter) => `${parameter.in} ${parameter.name.toLowerCase()}`);
      assert.equal(new Set(names).size, names.length, `${route} lists a parameter twice: ${names.join(', ')}`);
      const ifMatch = operation.parameters?.find((parameter) => parameter.in === 'header' && parameter.name.toLowerCase() === 'if-match');
      if (ifMatch) assert.notEqual(ifMatch.required, true, `${route}: If-Match is the client's choice`);
    }
  });

  describe('as served', () => {
    let api: TestApp;
    before(async () => {
      api = await startTestApp();
    });
    after(() => api.close());

    it('is the document the running API serves at /docs-json', async () => {
      const { body } = await api.http().get('/docs-json').expect(200);
      assert.deepEqual(body, JSON.parse(committed));
    });
  });
});
