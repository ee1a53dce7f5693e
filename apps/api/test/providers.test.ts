import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { assertNoSecrets, AuthFixture, bearer, type SignedInProvider, TEST_PASSWORD } from './support/auth.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const NEW_PASSWORD = 'Triage-Desk-Seven-7!';

describe('providers', () => {
  let api: TestApp;
  let accounts: AuthFixture;
  let admin: SignedInProvider;
  let clinician: SignedInProvider;
  before(async () => {
    api = await startTestApp({ LOGIN_MAX_FAILURES_PER_ADDRESS: '1000' });
    accounts = new AuthFixture(api);
    admin = await accounts.signedIn({ role: 'admin' });
    clinician = await accounts.signedIn({ role: 'clinician' });
  });
  after(async () => {
    await accounts.close();
    await api.close();
  });

  const asAdmin = () => bearer(admin.accessToken);
  const asClinician = () => bearer(clinician.accessToken);

  function newProviderBody(overrides: Record<string, unknown> = {}) {
    return { email: `new-${randomUUID().slice(0, 8)}@clinic.test`, password: NEW_PASSWORD, firstName: 'Rosa', lastName: 'Delgado', ...overrides };
  }

  describe('GET /api/v1/providers', () => {
    it('pages through every provider in name order without repeats', async () => {
      const lastNames = ['Zimmer', 'Abbott', 'Moreau', 'Abbott', 'Lindqvist'];
      for (const lastName of lastNames) await accounts.createProvider({ lastName });
      const total = await accounts.prisma.provider.count();

      const seen: { id: string; lastName: string; firstName: string }[] = [];
      let cursor: string | null = null;
      do {
        const query: Record<string, string | number> = { limit: 2, ...(cursor ? { cursor } : {}) };
        const response = await api.http().get('/api/v1/providers').query(query).set(asAdmin()).expect(200);
        assert.deepEqual(Object.keys(response.body).sort(), ['data', 'nextCursor']);
        assert.ok(response.body.data.length <= 2);
        assertNoSecrets(response);
        seen.push(...response.body.data);
        cursor = response.body.nextCursor;
      } while (cursor);

      assert.equal(seen.length, total);
      assert.equal(new Set(seen.map((provider) => provider.id)).size, total);
      const keys = seen.map((provider) => [provider.lastName, provider.firstName, provider.id]);
      const sorted = [...keys].sort((a, b) => a.join('\u0000').localeCompare(b.join('\u0000'), 'en'));
      assert.deepEqual(keys.map((key) => key[0]), sorted.map((key) => key[0]));
    });

    it('filters by role and by isActive', async () => {
      await accounts.createProvider({ role: 'staff', isActive: false });
      const staff = await api.http().get('/api/v1/providers').query({ role: 'staff', limit: 200 }).set(asAdmin()).expect(200);
      assert.ok(staff.body.data.length > 0 && staff.body.data.every((provider: { role: string }) => provider.role === 'staff'));
      const inactive = await api.http().get('/api/v1/providers').query({ isActive: 'false', limit: 200 }).set(asAdmin()).expect(200);
      assert.ok(inactive.body.data.length > 0 && inactive.body.data.every((provider: { isActive: boolean }) => provider.isActive === false));
    });

    it('is for admins only', async () => {
      await api.http().get('/api/v1/providers').set(asClinician()).expect(403);
      const staff = await accounts.signedIn({ role: 'staff' });
      await api.http().get('/api/v1/providers').set(bearer(staff.accessToken)).expect(403);
      await api.http().get('/api/v1/providers').expect(401);
    });

    it('refuses bad paging and filters with 400', async () => {
      const handMadeCursor = Buffer.from(JSON.stringify(['Abbott', 'Test', 'not-a-uuid'])).toString('base64url');
      const queries = [
        { limit: 0 },
        { limit: 201 },
        { limit: 'ten' },
        { cursor: 'not a cursor!' },
        { cursor: 'bm90LWpzb24' },
        { cursor: handMadeCursor },
        { role: 'surgeon' },
        { isActive: 'yes' },
        { sort: 'email' },
      ];
      for (const query of queries) {
        const response = await api.http().get('/api/v1/providers').query(query).set(asAdmin()).expect(400);
        assert.equal(response.body.statusCode, 400, JSON.stringify(query));
      }
    });
  });

  describe('POST /api/v1/providers', () => {
    it('creates a provider who can then sign in, and answers without secrets', async () => {
      const body = newProviderBody({ email: 'Dr.Rosa.Delgado@Clinic.Test', role: 'clinician', specialty: 'Pediatrics', phone: '+1 (617) 555-0199' });
      const response = await api.http().post('/api/v1/providers').set(asAdmin()).send(body).expect(201);
      assert.equal(response.body.email, 'dr.rosa.delgado@clinic.test');
      assert.equal(response.body.role, 'clinician');
      assert.equal(response.body.isActive, true);
      assert.equal(response.body.specialty, 'Pediatrics');
      assert.equal(response.body.licenseNumber, null);
      assert.match(response.headers.etag ?? '', /^".+"$/);
      assert.equal(response.headers.location, `/api/v1/providers/${response.body.id}`);
      assertNoSecrets(response);
      assert.equal(JSON.stringify(response.body).includes(NEW_PASSWORD), false);

      const stored = await accounts.prisma.provider.findUniqueOrThrow({ where: { id: response.body.id } });
      assert.match(stored.passwordHash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      await api.http().post('/api/v1/auth/login').send({ email: body.email, password: NEW_PASSWORD }).expect(200);
    });

    it('defaults the role to clinician', async () => {
      const response = await api.http().post('/api/v1/providers').set(asAdmin()).send(newProviderBody()).expect(201);
      assert.equal(response.body.role, 'clinician');
    });

    it('answers 409 naming the email when it is taken, in any case', async () => {
      const existing = await accounts.createProvider();
      const before = await accounts.rowCounts();
      const response = await api.http().post('/api/v1/providers').set(asAdmin()).send(newProviderBody({ email: existing.email.toUpperCase() })).expect(409);
      assert.equal(response.body.error, 'Conflict');
      assert.match(response.body.message, new RegExp(existing.email.replace(/[.]/g, '\\.')));
      assert.deepEqual(await accounts.rowCounts(), before);
    });

    it('refuses weak passwords and bad fields with 400 field errors, writing nothing', async () => {
      const before = await accounts.rowCounts();
      const cases: [string, Record<string, unknown>, string][] = [
        ['short password', newProviderBody({ password: 'Short-1!' }), 'password'],
        ['no symbol or digit', newProviderBody({ password: 'onlylettersHERE' }), 'password'],
        ['common password', newProviderBody({ password: 'Password1234!' }), 'password'],
        ['unknown field', newProviderBody({ passwordHash: '$argon2id$x' }), 'passwordHash'],
        ['isActive is not for create', newProviderBody({ isActive: false }), 'isActive'],
        ['wrong type', newProviderBody({ firstName: 42 }), 'firstName'],
        ['missing last name', newProviderBody({ lastName: undefined }), 'lastName'],
        ['empty first name', newProviderBody({ firstName: '   ' }), 'firstName'],
        ['bad email', newProviderBody({ email: 'rosa@' }), 'email'],
        ['unknown role', newProviderBody({ role: 'superuser' }), 'role'],
        ['bad phone', newProviderBody({ phone: 'call me maybe' }), 'phone'],
        ['too long', newProviderBody({ specialty: 'x'.repeat(256) }), 'specialty'],
        ['NUL in a name', newProviderBody({ lastName: 'Del\u0000gado' }), 'lastName'],
      ];
      for (const [name, body, field] of cases) {
        const response = await api.http().post('/api/v1/providers').set(asAdmin()).send(body);
        assert.equal(response.status, 400, name);
        assert.ok(response.body.errors.some((error: { field: string }) => error.field === field), `${name}: ${JSON.stringify(response.body.errors)}`);
        assert.equal(JSON.stringify(response.body).includes(NEW_PASSWORD), false);
      }
      const weak = await api.http().post('/api/v1/providers').set(asAdmin()).send(newProviderBody({ password: 'lowercaseonlyletters' })).expect(400);
      assert.ok(!JSON.stringify(weak.body).includes('lowercaseonlyletters'), 'a refused password is not echoed');
      await api.http().post('/api/v1/providers').set(asAdmin()).set('Content-Type', 'application/json').send('{"email":"x@clinic.test",').expect(400);
      assert.deepEqual(await accounts.rowCounts(), before);
    });

    it('is for admins only', async () => {
      const before = await accounts.rowCounts();
      await api.http().post('/api/v1/providers').set(asClinician()).send(newProviderBody()).expect(403);
      await api.http().post('/api/v1/providers').send(newProviderBody()).expect(401);
      assert.deepEqual(await accounts.rowCounts(), before);
    });
  });

  describe('GET /api/v1/providers/:id', () => {
    it('answers admins about anyone, with an ETag', async () => {
      const response = await api.http().get(`/api/v1/providers/${clinician.id}`).set(asAdmin()).expect(200);
      assert.equal(response.body.id, clinician.id);
      assert.match(response.headers.etag ?? '', /^".+"$/);
      assertNoSecrets(response);
    });

    it('answers providers about themselves, and 403 about others', async () => {
      await api.http().get(`/api/v1/providers/${clinician.id}`).set(asClinician()).expect(200);
      const response = await api.http().get(`/api/v1/providers/${admin.id}`).set(asClinician()).expect(403);
      assert.equal(response.body.error, 'Forbidden');
    });

    it('answers 404 for an unknown id, 400 for a malformed one, 401 without a token', async () => {
      await api.http().get(`/api/v1/providers/${randomUUID()}`).set(asAdmin()).expect(404);
      for (const id of ['42', 'not-a-uuid', `${randomUUID()}x`]) {
        const response = await api.http().get(`/api/v1/providers/${id}`).set(asAdmin()).expect(400);
        assert.equal(response.body.statusCode, 400);
      }
      await api.http().get(`/api/v1/providers/${clinician.id}`).expect(401);
    });
  });

  describe('PATCH /api/v1/providers/:id', () => {
    it('lets providers edit their own profile; the ETag changes', async () => {
      const self = await accounts.signedIn();
      const read = await api.http().get(`/api/v1/providers/${self.id}`).set(bearer(self.accessToken)).expect(200);
      const response = await api.http()
        .patch(`/api/v1/providers/${self.id}`)
        .set(bearer(self.accessToken))
        .set('If-Match', read.headers.etag!)
        .send({ firstName: 'Amara', specialty: 'Dermatology', phone: '(617) 555-0142' })
        .expect(200);
      assert.equal(response.body.firstName, 'Amara');
      assert.equal(response.body.specialty, 'Dermatology');
      assert.notEqual(response.headers.etag, read.headers.etag);
      assertNoSecrets(response);

      const cleared = await api.http().patch(`/api/v1/providers/${self.id}`).set(bearer(self.accessToken)).send({ specialty: null }).expect(200);
      assert.equal(cleared.body.specialty, null);
    });

    it('answers 403, changing nothing, when a non-admin sends role or isActive, even for themselves', async () => {
      const self = await accounts.signedIn({ role: 'staff' });
      for (const body of [{ role: 'admin' }, { isActive: true }, { firstName: 'Quiet', role: 'staff' }]) {
        await api.http().patch(`/api/v1/providers/${self.id}`).set(bearer(self.accessToken)).send(body).expect(403);
      }
      const stored = await accounts.prisma.provider.findUniqueOrThrow({ where: { id: self.id } });
      assert.equal(stored.role, 'staff');
      assert.equal(stored.firstName, 'Test');
    });

    it('answers 403 when a non-admin changes someone else', async () => {
      await api.http().patch(`/api/v1/providers/${admin.id}`).set(asClinician()).send({ firstName: 'Mallory' }).expect(403);
    });

    it('lets admins change role and contact details of anyone; a new role ends their sessions, and applies from the next sign-in', async () => {
      const promoted = await accounts.signedIn({ role: 'staff' });
      const response = await api.http().patch(`/api/v1/providers/${promoted.id}`).set(asAdmin()).send({ role: 'admin', lastName: 'Ferreira' }).expect(200);
      assert.equal(response.body.role, 'admin');
      assert.equal(response.body.lastName, 'Ferreira');

      await api.http().get('/api/v1/auth/me').set(bearer(promoted.accessToken)).expect(401);
      await api.http().post('/api/v1/auth/refresh').send({ refreshToken: promoted.refreshToken }).expect(401);
      const again = await accounts.signIn(promoted);
      await api.http().get('/api/v1/providers').set(bearer(again.accessToken)).expect(200);
    });

    it('deactivation by an admin refuses sign-in and ends every session at once', async () => {
      const leaving = await accounts.signedIn();
      const secondDevice = await accounts.signIn(leaving);
      const response = await api.http().patch(`/api/v1/providers/${leaving.id}`).set(asAdmin()).send({ isActive: false }).expect(200);
      assert.equal(response.body.isActive, false);

      await api.http().get('/api/v1/auth/me').set(bearer(leaving.accessToken)).expect(401);
      await api.http().get('/api/v1/auth/me').set(bearer(secondDevice.accessToken)).expect(401);
      await api.http().post('/api/v1/auth/refresh').send({ refreshToken: leaving.refreshToken }).expect(401);
      await api.http().post('/api/v1/auth/refresh').send({ refreshToken: secondDevice.refreshToken }).expect(401);
      await api.http().post('/api/v1/auth/login').send({ email: leaving.email, password: TEST_PASSWORD }).expect(401);

      await api.http().patch(`/api/v1/providers/${leaving.id}`).set(asAdmin()).send({ isActive: true }).expect(200);
      await api.http().post('/api/v1/auth/login').send({ email: leaving.email, password: TEST_PASSWORD }).expect(200);
    });

    it('keeps an admin from demoting or deactivating themselves (409)', async () => {
      const self = await accounts.signedIn({ role: 'admin' });
      for (const body of [{ role: 'clinician' }, { isActive: false }]) {
        const response = await api.http().patch(`/api/v1/providers/${self.id}`).set(bearer(self.accessToken)).send(body).expect(409);
        assert.match(response.body.message, /another admin/);
      }
      await api.http().patch(`/api/v1/providers/${self.id}`).set(bearer(self.accessToken)).send({ role: 'admin', isActive: true }).expect(200);
    });

    it('answers 412 and changes nothing when If-Match is stale', async () => {
      const target = await accounts.createProvider();
      const read = await api.http().get(`/api/v1/providers/${target.id}`).set(asAdmin()).expect(200);
      await api.http().patch(`/api/v1/providers/${target.id}`).set(asAdmin()).set('If-Match', read.headers.etag!).send({ firstName: 'First' }).expect(200);
      const stale = await api.http().patch(`/api/v1/providers/${target.id}`).set(asAdmin()).set('If-Match', read.headers.etag!).send({ firstName: 'Second' }).expect(412);
      assert.equal(stale.body.statusCode, 412);
      const stored = await accounts.prisma.provider.findUniqueOrThrow({ where: { id: target.id } });
      assert.equal(stored.firstName, 'First');
    });

    it('answers 409 naming the email when it belongs to another provider', async () => {
      const target = await accounts.createProvider();
      const other = await accounts.createProvider();
      const response = await api.http().patch(`/api/v1/providers/${target.id}`).set(asAdmin()).send({ email: other.email }).expect(409);
      assert.ok(response.body.message.includes(other.email));
      const stored = await accounts.prisma.provider.findUniqueOrThrow({ where: { id: target.id } });
      assert.equal(stored.email, target.email);
    });

    it('refuses invalid bodies with 400 field errors, changing nothing', async () => {
      const target = await accounts.createProvider();
      const before = await accounts.prisma.provider.findUniqueOrThrow({ where: { id: target.id } });
      const cases: [Record<string, unknown>, string][] = [
        [{ firstName: 'Ok', passwordHash: 'x' }, 'passwordHash'],
        [{ firstName: null }, 'firstName'],
        [{ lastName: 7 }, 'lastName'],
        [{ isActive: 'no' }, 'isActive'],
        [{ role: 'owner' }, 'role'],
        [{ email: 'not-an-email' }, 'email'],
        [{ id: randomUUID() }, 'id'],
        [{ password: NEW_PASSWORD }, 'password'],
      ];
      for (const [body, field] of cases) {
        const response = await api.http().patch(`/api/v1/providers/${target.id}`).set(asAdmin()).send(body);
        assert.equal(response.status, 400, JSON.stringify(body));
        assert.ok(response.body.errors.some((error: { field: string }) => error.field === field), JSON.stringify(response.body));
      }
      await api.http().patch(`/api/v1/providers/${target.id}`).set(asAdmin()).set('Content-Type', 'application/json').send('{"firstName":').expect(400);
      const after = await accounts.prisma.provider.findUniqueOrThrow({ where: { id: target.id } });
      assert.deepEqual(after, before);
    });

    it('answers 404 for an unknown id, 400 for a malformed one, 401 without a token', async () => {
      await api.http().patch(`/api/v1/providers/${randomUUID()}`).set(asAdmin()).send({ firstName: 'Nobody' }).expect(404);
      await api.http().patch('/api/v1/providers/12345').set(asAdmin()).send({ firstName: 'Nobody' }).expect(400);
      await api.http().patch(`/api/v1/providers/${clinician.id}`).send({ firstName: 'Nobody' }).expect(401);
    });
  });

  it('documents every provider route with its answers and the bearer scheme', async () => {
    const { body } = await api.http().get('/docs-json').expect(200);
    const responses = (path: string, method: string) => Object.keys(body.paths[path][method].responses).sort();
    assert.deepEqual(responses('/api/v1/providers', 'get'), ['200', '400', '401', '403', '503']);
    assert.deepEqual(responses('/api/v1/providers', 'post'), ['201', '400', '401', '403', '409', '503']);
    assert.deepEqual(responses('/api/v1/providers/{id}', 'get'), ['200', '400', '401', '403', '404', '503']);
    assert.deepEqual(responses('/api/v1/providers/{id}', 'patch'), ['200', '400', '401', '403', '404', '409', '412', '503']);
    for (const method of ['get', 'post']) assert.deepEqual(body.paths['/api/v1/providers'][method].security, [{ bearer: [] }]);
    assert.ok(body.paths['/api/v1/providers/{id}'].get.responses['200'].headers.ETag);
    assert.deepEqual(body.components.schemas.ProviderRole.enum, ['admin', 'clinician', 'staff']);
    assert.equal(body.components.schemas.ProviderDto.properties.passwordHash, undefined);
    assert.equal(body.paths['/api/v1/providers/{id}'].get.parameters[0].schema.format, 'uuid');
  });
});
