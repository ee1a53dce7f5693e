// Calling the FHIR API in tests: a GET with a token, the audit events one request left, and a
// walk along a listing's next links.
import assert from 'node:assert/strict';
import type { PrismaClient } from '@clinic/db';
import type { Bundle, BundleEntry, OperationOutcome, Resource } from '@medplum/fhirtypes';
import type { Response } from 'supertest';
import { bearer } from './auth.js';
import type { TestApp } from './test-app.js';

export const FHIR = '/fhir/R4';

/** The host every test request names, so that the URLs in answers do not change with supertest's ephemeral ports. */
export const TEST_HOST = 'clinic.test';

export async function fhirGet(api: TestApp, path: string, accessToken?: string): Promise<Response> {
  const request = api.http().get(path.startsWith('/') ? path : `${FHIR}/${path}`).set('Host', TEST_HOST);
  const response = await (accessToken ? request.set(bearer(accessToken)) : request);
  assert.match(response.headers['content-type'] ?? '', /^application\/fhir\+json; charset=utf-8$/, `${path}: ${response.headers['content-type']}`);
  return response;
}

/** The OperationOutcome of a refused request, checked to be one with that status; its issues' texts. */
export function outcomeTexts(response: Response, status: number): string[] {
  assert.equal(response.status, status, response.text);
  const outcome = response.body as OperationOutcome;
  assert.equal(outcome.resourceType, 'OperationOutcome', response.text);
  assert.ok(outcome.issue.length > 0);
  return outcome.issue.map((issue) => issue.details?.text ?? '');
}

/** The audit events a request left, by its x-request-id. */
export function eventsOf(prisma: PrismaClient, response: Response) {
  return prisma.auditEvent.findMany({ where: { requestId: response.headers['x-request-id'] }, orderBy: { occurredAt: 'asc' } });
}

/** The path and query of a link, whatever host it was built with. */
export function pathOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

/** Every entry of a listing, walking its next links; also the pages' sizes and the totals they state. */
export async function walk(api: TestApp, path: string, accessToken: string): Promise<{ entries: BundleEntry[]; pages: number[]; totals: number[] }> {
  const entries: BundleEntry[] = [];
  const pages: number[] = [];
  const totals: number[] = [];
  let next: string | undefined = path;
  while (next) {
    const response = await fhirGet(api, next, accessToken);
    assert.equal(response.status, 200, response.text);
    const bundle = response.body as Bundle;
    entries.push(...(bundle.entry ?? []));
    pages.push(bundle.entry?.length ?? 0);
    totals.push(bundle.total ?? -1);
    const link = bundle.link?.find((candidate) => candidate.relation === 'next')?.url;
    next = link && pathOf(link);
    assert.ok(pages.length < 1000, 'the next links do not end');
  }
  return { entries, pages, totals };
}

export const resourcesOf = (bundle: Bundle): Resource[] => (bundle.entry ?? []).map((entry) => entry.resource!);
