// Lists and searches answer each provider a limited number of times a minute
// (LIST_RATE_LIMIT_PER_MINUTE, src/auth/list-throttle.ts); other routes are not counted.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ConfigInvalid, loadConfig } from '../src/config/app-config.js';
import { bearer } from './support/auth.js';
import { type ClinicTeam, startClinicTeam } from './support/clinic-team.js';

const ABSENT_ID = '00000000-0000-4000-8000-000000000000';

describe('list and search throttling per provider', () => {
  let team: ClinicTeam;
  before(async () => {
    team = await startClinicTeam({ LIST_RATE_LIMIT_PER_MINUTE: '3' });
  });
  after(() => team.close());

  it('answers 429 with Retry-After once a provider made the minute\'s list requests, across list routes', async () => {
    const asStaff = bearer(team.staff.accessToken);
    await team.api.http().get('/api/v1/patients').set(asStaff).expect(200);
    await team.api.http().get('/api/v1/appointments').set(asStaff).expect(200);
    await team.api.http().get('/api/v1/patients?q=ab').set(asStaff).expect(200);
    const throttled = await team.api.http().get('/api/v1/patients').set(asStaff).expect(429);
    assert.equal(throttled.body.statusCode, 429);
    assert.equal(throttled.body.error, 'Too Many Requests');
    const retryAfter = Number(throttled.headers['retry-after']);
    assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= 60, `Retry-After ${throttled.headers['retry-after']}`);
    // Another list route counts against the same provider.
    await team.api.http().get(`/api/v1/patients/${ABSENT_ID}/allergies`).set(asStaff).expect(429);
  });

  it('counts each provider apart, and leaves single-resource routes alone', async () => {
    await team.api.http().get('/api/v1/patients').set(bearer(team.clinician.accessToken)).expect(200);
    await team.api.http().get(`/api/v1/patients/${ABSENT_ID}`).set(bearer(team.staff.accessToken)).expect(404);
    await team.api.http().get('/api/v1/auth/me').set(bearer(team.staff.accessToken)).expect(200);
  });

  it('refuses a q shorter than 2 characters and a limit above 200 (400), before counting', async () => {
    const asAdmin = bearer(team.admin.accessToken);
    await team.api.http().get('/api/v1/patients?q=a').set(asAdmin).expect(400);
    await team.api.http().get('/api/v1/patients?limit=201').set(asAdmin).expect(400);
  });

  it('counts in the database, and starts a new count once the minute has passed', async () => {
    const asAdmin = bearer(team.admin.accessToken);
    const counted = () => team.accounts.prisma.throttleCounter.findUnique({ where: { key: `list ${team.admin.id}` } });
    const before = (await counted())?.count ?? 0;
    await team.api.http().get('/api/v1/providers').set(asAdmin).expect(200);
    const counter = (await counted())!;
    assert.equal(counter.count, before + 1);
    const secondsLeft = (counter.windowEndsAt.getTime() - Date.now()) / 1000;
    assert.ok(secondsLeft > 50 && secondsLeft <= 60, `${secondsLeft} s left in the window`);
    // The window ends: the next request starts a new one at 1.
    await team.accounts.prisma.throttleCounter.update({ where: { key: `list ${team.admin.id}` }, data: { count: 3, windowEndsAt: new Date(Date.now() - 1000) } });
    await team.api.http().get('/api/v1/providers').set(asAdmin).expect(200);
    assert.equal((await team.accounts.prisma.throttleCounter.findUniqueOrThrow({ where: { key: `list ${team.admin.id}` } })).count, 1);
  });

  it('is configured by LIST_RATE_LIMIT_PER_MINUTE, 120 by default', () => {
    assert.equal(loadConfig({}).listRateLimitPerMinute, 120);
    assert.equal(loadConfig({ LIST_RATE_LIMIT_PER_MINUTE: '30' }).listRateLimitPerMinute, 30);
    assert.throws(() => loadConfig({ LIST_RATE_LIMIT_PER_MINUTE: '0' }), ConfigInvalid);
  });
});

describe('list throttling in allowances (a replica takes limit / 20 requests of the shared count at once)', () => {
  let team: ClinicTeam;
  before(async () => {
    team = await startClinicTeam({ LIST_RATE_LIMIT_PER_MINUTE: '100' });
  });
  after(() => team.close());

  const shared = () => team.accounts.prisma.throttleCounter.findUniqueOrThrow({ where: { key: `list ${team.staff.id}` } });
  const list = () => team.api.http().get('/api/v1/patients?limit=1').set(bearer(team.staff.accessToken));

  it('counts an allowance of 5 in the database with the first request, and the next 4 without asking it', async () => {
    await list().expect(200);
    assert.equal((await shared()).count, 5);
    for (let request = 0; request < 4; request++) await list().expect(200);
    assert.equal((await shared()).count, 5);
    await list().expect(200);
    assert.equal((await shared()).count, 10);
  });

  it('takes only what is left below the limit when other replicas took the rest, then refuses until the window ends', async () => {
    // Six answered so far (count 10); another replica took allowances up to 98 of the 100.
    for (let request = 0; request < 4; request++) await list().expect(200);
    await team.accounts.prisma.throttleCounter.update({ where: { key: `list ${team.staff.id}` }, data: { count: 98 } });
    await list().expect(200);
    await list().expect(200);
    const refused = await list().expect(429);
    const retryAfter = Number(refused.headers['retry-after']);
    assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
    // 98 + 5: a whole allowance counted, of which 2 were below the limit; then 103 + 5, none.
    assert.equal((await shared()).count, 108);
    // Refused from what this replica knows, without counting again.
    await list().expect(429);
    assert.equal((await shared()).count, 108);
  });

  it('answers no more than the limit to concurrent requests of one provider', async () => {
    const asClinician = bearer(team.clinician.accessToken);
    const answers = await Promise.all(Array.from({ length: 110 }, () => team.api.http().get('/api/v1/patients?limit=1').set(asClinician)));
    assert.equal(answers.filter((answer) => answer.status === 200).length, 100);
    assert.equal(answers.filter((answer) => answer.status === 429).length, 10);
  });
});
