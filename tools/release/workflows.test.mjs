// The GitHub workflows, parsed: the production migration runs only after CI passed for the
// commit it deploys, and never without a backup target that outlives the job.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const workflow = (name) => YAML.parse(readFileSync(path.join(root, '.github/workflows', name), 'utf8'));
const ci = workflow('ci.yml');
const migrate = workflow('migrate.yml');
const runs = (job) => job.steps.map((step) => step.run ?? step.uses ?? '').join('\n');

describe('.github/workflows/migrate.yml', () => {
  it('runs after a successful CI run of a push to main, on the commit CI tested', () => {
    assert.deepEqual(migrate.on, { workflow_run: { workflows: [ci.name], types: ['completed'], branches: ['main'] } });
    assert.match(migrate.jobs.preflight.if, /github\.event\.workflow_run\.conclusion == 'success'/);
    assert.match(migrate.jobs.preflight.if, /github\.event\.workflow_run\.event == 'push'/);
    const checkout = migrate.jobs.migrate.steps.find((step) => step.uses?.startsWith('actions/checkout'));
    assert.equal(checkout.with.ref, '${{ github.event.workflow_run.head_sha }}');
    assert.deepEqual(migrate.jobs.migrate.needs, 'preflight');
    assert.equal(migrate.concurrency['cancel-in-progress'], false);
  });

  it('refuses to start without a durable backup target, and requires one from the deploy', () => {
    const preflight = runs(migrate.jobs.preflight);
    assert.match(preflight, /BACKUP_S3_BUCKET/);
    assert.match(preflight, /BACKUP_RUNNER_LABEL/);
    assert.match(preflight, /::error::No durable backup target[^\n]*\n\s*exit 1/);
    assert.match(migrate.jobs.migrate['runs-on'], /fromJSON\(needs\.preflight\.outputs\.runner\)/);
    assert.match(runs(migrate.jobs.migrate), /node tools\/migrations\/deploy-production\.mjs --require-durable-backup/);
    assert.match(migrate.jobs.migrate.env.MIGRATION_DATABASE_URL, /secrets\.MIGRATION_DATABASE_URL/);
  });
});

describe('.github/workflows/ci.yml', () => {
  it('deploys through the guarded command, checks the schema state, and validates the Compose file where Docker exists', () => {
    const steps = runs(ci.jobs.affected);
    assert.match(steps, /npx nx run db:migrate\n/);
    assert.match(steps, /node tools\/migrations\/migrate-status\.mjs --json/);
    assert.match(steps, /docker compose config --quiet/);
    assert.match(steps, /docker compose is not installed on this runner: skipped/);
    // Fetching the whole history lets check-migrations verify "contracted in <release>".
    assert.equal(ci.jobs.affected.steps.find((step) => step.uses?.startsWith('actions/checkout')).with['fetch-depth'], 0);
  });
});
