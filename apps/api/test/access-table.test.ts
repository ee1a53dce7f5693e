// The access table (src/auth/access-table.ts) against the running API: every registered route is
// in it and every entry is registered; each route, called as each role and without a token,
// answers as its entry says; and the README prints the table as it is.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, it } from 'node:test';
import { ACCESS_TABLE, type RouteAccess } from '../src/identity/access-table.js';
import { withAccessTable } from '../src/identity/access-table.markdown.js';
import { PROVIDER_ROLES, type ProviderRole } from '../src/identity/provider-role.js';
import { registeredRoutes } from '../src/common/route-registry.js';
import { bearer } from './support/auth.js';
import { type ClinicTeam, startClinicTeam } from './support/clinic-team.js';

// Well-formed, and no row has it: every id in a path names nothing.
const ABSENT_ID = '00000000-0000-4000-8000-000000000000';
const README = new URL('../../../../../README.md', import.meta.url);

type Caller = ProviderRole | 'nobody';

/** What the table promises a caller: refused by role (403), no token (401), or let through. */
function expectedOf(access: RouteAccess, caller: Caller): 'unauthenticated' | 'forbidden' | 'through' | 'partly' {
  if (access.allow === 'public') return 'through';
  if (caller === 'nobody') return 'unauthenticated';
  // The service narrows these further (own profile, …): a 403 from it is the documented answer.
  if (access.partly?.[caller] !== undefined) return 'partly';
  if (access.allow === 'signed-in' || access.allow.includes(caller)) return 'through';
  return 'forbidden';
}

describe('the access table', () => {
  let team: ClinicTeam;
  before(async () => {
    team = await startClinicTeam();
  });
  after(() => team.close());

  // "Sign out everywhere" ends the caller's sessions: it is called last, so the other routes see live tokens.
  const routes = () =>
    registeredRoutes(team.api.app)
      .map((route) => `${route.method.toUpperCase()} ${route.path}`)
      .sort((a, b) => Number(a === 'POST /api/v1/auth/logout-all') - Number(b === 'POST /api/v1/auth/logout-all'));

  it('names every registered route, and only those', () => {
    const registered = routes().sort();
    assert.ok(registered.length > 0);
    assert.deepEqual(Object.keys(ACCESS_TABLE).sort(), registered);
  });

  it('is what every route answers, to each role and to a caller without a token', async () => {
    const mismatches: string[] = [];
    for (const route of routes()) {
      const access: RouteAccess | undefined = (ACCESS_TABLE as Record<string, RouteAccess>)[route];
      if (!access) continue;
      const [method, template] = route.split(' ') as [string, string];
      const path = template.replace(/\{[A-Za-z0-9_]+\}/g, ABSENT_ID);
      for (const caller of ['nobody', ...PROVIDER_ROLES] as const) {
        let request = team.api.http()[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](path);
        if (caller !== 'nobody') request = request.set(bearer(team[caller].accessToken));
        if (method !== 'GET' && method !== 'DELETE') request = request.send({});
        const { status } = await request;
        const expected = expectedOf(access, caller);
        const answered =
          status >= 500 && route !== 'GET /health/ready'
            ? false
            : expected === 'unauthenticated'
              ? status === 401
              : expected === 'forbidden'
                ? status === 403
                : expected === 'partly'
                  ? status !== 401
                  : status !== 401 && status !== 403;
        if (!answered) mismatches.push(`${route} as ${caller}: ${status}, expected ${expected}`);
      }
    }
    assert.deepEqual(mismatches, []);
  });

  it('is printed, as it is, in the README', async () => {
    const readme = await readFile(README, 'utf8');
    assert.equal(readme, withAccessTable(readme), 'README.md is stale: run node tools/docs/print-access-table.mjs --write');
  });
});
