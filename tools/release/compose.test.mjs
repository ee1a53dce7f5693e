// docker-compose.yml and the files it mounts, checked without Docker (these machines have none):
// a YAML parse with Compose's merge keys, then the structure the scaled stack must have. CI runs
// `docker compose config` where Docker exists (.github/workflows/ci.yml).
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const source = readFileSync(path.join(root, 'docker-compose.yml'), 'utf8');
const compose = YAML.parse(source, { merge: true });
const { services } = compose;

/** A service's environment as an object (Compose takes a map or a list of NAME=value). */
function environment(service) {
  const env = services[service].environment ?? {};
  return Array.isArray(env) ? Object.fromEntries(env.map((entry) => entry.split(/=(.*)/s).slice(0, 2))) : env;
}

/** The host of a postgresql:// URL whose ${VAR:-default} parts are left as Compose would fill them. */
function hostOf(url) {
  const filled = url.replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1');
  return new URL(filled).hostname;
}

const userOf = (url) => decodeURIComponent(new URL(url.replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1')).username);

describe('docker-compose.yml', () => {
  it('describes the scaled stack', () => {
    assert.deepEqual(Object.keys(services).sort(), ['api-1', 'api-2', 'migrate', 'postgres', 'postgres-replica', 'proxy', 'worker']);
  });

  it('names only services, volumes and files that exist', () => {
    for (const [name, service] of Object.entries(services)) {
      const dependencies = Array.isArray(service.depends_on) ? service.depends_on : Object.keys(service.depends_on ?? {});
      for (const dependency of dependencies) assert.ok(services[dependency], `${name} depends on ${dependency}`);
      for (const volume of service.volumes ?? []) {
        const [from] = volume.split(':');
        if (from.startsWith('.')) assert.ok(existsSync(path.join(root, from)), `${name} mounts ${from}`);
        else assert.ok(Object.hasOwn(compose.volumes ?? {}, from), `${name} uses the declared volume ${from}`);
      }
    }
  });

  it('needs no variable to be set: every ${…} has a default (docker compose config runs as it is)', () => {
    const bare = [...source.matchAll(/\$\{([A-Za-z_]+)\}/g)].map((match) => match[1]);
    assert.deepEqual(bare, []);
  });

  it('streams a replica from the primary', () => {
    const primary = services.postgres.command.join(' ');
    assert.match(primary, /wal_level=replica/);
    assert.match(primary, /max_wal_senders=\d+/);
    const replica = services['postgres-replica'];
    assert.deepEqual(replica.depends_on, { postgres: { condition: 'service_healthy' } });
    const entrypoint = readFileSync(path.join(root, 'deploy/postgres/replica-entrypoint.sh'), 'utf8');
    assert.match(entrypoint, /pg_basebackup -h "\$PRIMARY_HOST" -U replicator -D "\$PGDATA" -R -X stream/);
    assert.match(readFileSync(path.join(root, 'deploy/postgres/primary-init.sh'), 'utf8'), /host replication replicator all scram-sha-256/);
    for (const script of ['primary-init.sh', 'replica-entrypoint.sh']) {
      assert.ok(statSync(path.join(root, 'deploy/postgres', script)).mode & 0o100, `${script} is executable`);
    }
  });

  it('deploys the migrations once, as the owner, before any API or the worker starts', () => {
    const migrate = services.migrate;
    assert.deepEqual(migrate.command, ['node', 'tools/migrations/migrate.mjs']);
    assert.equal(migrate.restart, 'no');
    assert.equal(userOf(environment('migrate').MIGRATION_DATABASE_URL), 'clinic_owner', 'the owner of the tables');
    for (const name of ['api-1', 'api-2', 'worker']) {
      assert.deepEqual(services[name].depends_on.migrate, { condition: 'service_completed_successfully' }, name);
    }
  });

  it('runs two API replicas as the application role, reading from the replica, with the scribe worker apart', () => {
    for (const name of ['api-1', 'api-2']) {
      const env = environment(name);
      assert.equal(hostOf(env.DATABASE_URL), 'postgres', name);
      assert.equal(hostOf(env.DATABASE_REPLICA_URLS), 'postgres-replica', name);
      assert.equal(userOf(env.DATABASE_URL), 'clinic_api', `${name} logs in as a member of clinic_app, not as the owner`);
      assert.equal(env.SCRIBE_WORKER, 'off', name);
      assert.equal(env.TRUST_PROXY, 'true', `${name} sits behind the proxy`);
      assert.equal(services[name].ports, undefined, `${name} is reached through the proxy only`);
      assert.match(services[name].healthcheck.test.join(' '), /\/health\/ready/);
    }
    assert.deepEqual(services.worker.command, ['node', 'apps/api/dist/worker.js']);
    assert.equal(environment('worker').SCRIBE_WORKER, 'inline');
    assert.equal(userOf(environment('worker').DATABASE_URL), userOf(environment('api-1').DATABASE_URL));
  });

  it('puts a reverse proxy in front of both APIs that follows their readiness', () => {
    assert.deepEqual(services.proxy.ports, ['3000:80']);
    const caddyfile = readFileSync(path.join(root, 'deploy/caddy/Caddyfile'), 'utf8');
    assert.match(caddyfile, /reverse_proxy api-1:3000 api-2:3000 \{/);
    assert.match(caddyfile, /health_uri \/health\/ready/);
  });
});
