// `nx run api:openapi`: writes the OpenAPI document the code generates to apps/api/openapi.json.
// No database is needed. test/openapi-contract.test.ts fails while the committed file is stale.
import 'reflect-metadata';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { generateOpenApiJson, openApiFilePath } from './openapi-file.js';

const file = openApiFilePath();
await writeFile(file, await generateOpenApiJson());
process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
