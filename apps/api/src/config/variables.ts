// Every environment variable the project reads, declared once: its type, default, whether it is
// secret, and what it is for. The API reads its own through this declaration (app-config.ts);
// `.env.example` and the README's variable table are printed from it
// (node tools/docs/print-env.mjs --write), and test/config-docs.test.ts fails when either is stale
// or when code reads a variable that is not declared here.

export const ENVIRONMENTS = ['development', 'test', 'staging', 'production'] as const;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** Who reads a variable: the API, or one of the tools around it. */
export type VariableGroup = 'api' | 'sign-in' | 'scribe' | 'migrations' | 'seeds' | 'backups';

export const GROUP_TITLES: Record<VariableGroup, string> = {
  api: 'The API (apps/api)',
  'sign-in': 'Sign-in and sessions (apps/api/src/auth)',
  scribe: 'The AI scribe (apps/api/src/scribe, libs/scribe)',
  migrations: 'Migrations (prisma.config.ts, tools/prisma-engine, tools/migrations)',
  seeds: 'Seeds (libs/db/prisma/seed.ts)',
  backups: 'Backups (nx run db:migrate:production, db:restore)',
};

interface Common {
  group: VariableGroup;
  description: string;
  /** A credential or a key: never logged, never given a working default. */
  secret?: boolean;
  /** What .env.example shows, commented out, when the variable has no default. */
  example?: string;
}

export type Variable =
  | (Common & { type: 'text'; default?: string })
  | (Common & { type: 'integer'; default: number; min: number; max: number })
  | (Common & { type: 'boolean'; default: boolean })
  | (Common & { type: 'choice'; choices: readonly string[]; default: string })
  | (Common & { type: 'postgres-url' })
  /** Comma-separated postgresql:// connection strings; none when empty. */
  | (Common & { type: 'postgres-urls' })
  | (Common & { type: 'origins' });

export const VARIABLES = {
  NODE_ENV: {
    group: 'api',
    type: 'choice',
    choices: ENVIRONMENTS,
    default: 'development',
    description: 'development | test | staging | production. staging and production require DATABASE_URL and JWT_SECRET.',
  },
  HOST: { group: 'api', type: 'text', default: '0.0.0.0', description: 'The address the API listens on.' },
  PORT: { group: 'api', type: 'integer', default: 3000, min: 0, max: 65_535, description: 'The port the API listens on.' },
  DATABASE_URL: {
    group: 'api',
    type: 'postgres-url',
    secret: true,
    example: 'postgresql://clinic_api@127.0.0.1:5432/clinic',
    description:
      'The API\'s login, a member of the application role clinic_app (README, "Database roles"). Unset: the API starts an embedded PostgreSQL (PGlite) in EMBEDDED_DATA_DIR, migrates it and seeds development data on first start.',
  },
  DATABASE_POOL_SIZE: {
    group: 'api',
    type: 'integer',
    default: 10,
    min: 1,
    max: 100,
    description: 'Connections in the pool (server only; the embedded database always uses 1).',
  },
  DATABASE_POOL_MIN_IDLE: {
    group: 'api',
    type: 'integer',
    default: 2,
    min: 0,
    max: 100,
    description:
      'Connections the pool keeps open however long they stay idle (at most DATABASE_POOL_SIZE; server only). A new connection costs its first search about 150 ms at a million patients (PostgreSQL loads its catalog and the search functions per connection); 0: every idle connection closes after DATABASE_IDLE_TIMEOUT_MS.',
  },
  DATABASE_CONNECT_TIMEOUT_MS: {
    group: 'api',
    type: 'integer',
    default: 5_000,
    min: 100,
    max: 60_000,
    description:
      'How long a request waits for a database connection (opening one, or a free one from a busy pool) before it is answered 503 with Retry-After; no request hangs longer while the database is away.',
  },
  DATABASE_IDLE_TIMEOUT_MS: {
    group: 'api',
    type: 'integer',
    default: 10_000,
    min: 1_000,
    max: 3_600_000,
    description: 'An idle pooled connection beyond DATABASE_POOL_MIN_IDLE is closed after this long.',
  },
  DATABASE_STATEMENT_TIMEOUT_MS: {
    group: 'api',
    type: 'integer',
    default: 30_000,
    min: 0,
    max: 3_600_000,
    description:
      'PostgreSQL cancels a statement of the API running longer than this (statement_timeout); the request is answered 503 with Retry-After and nothing is written. 0: no limit. The embedded PostgreSQL ignores it.',
  },
  DATABASE_REPLICA_URLS: {
    group: 'api',
    type: 'postgres-urls',
    secret: true,
    example: 'postgresql://clinic_api@replica-1:5432/clinic,postgresql://clinic_api@replica-2:5432/clinic',
    description:
      'Comma-separated streaming replicas (hot standbys of DATABASE_URL\'s database, same login) that answer read-only work: patient search and lists, appointment and provider lists, FHIR searches. Writes, audit inserts and reads that must see a write stay on the primary. Empty: everything goes to the primary.',
  },
  REPLICA_MAX_LAG_SECONDS: {
    group: 'api',
    type: 'integer',
    default: 10,
    min: 0,
    max: 3_600,
    description: 'A replica further behind the primary than this (checked about once a second) is skipped, and its reads go to the primary, until it catches up.',
  },
  EMBEDDED_DATA_DIR: { group: 'api', type: 'text', default: '.data/pglite', description: "Where the embedded PostgreSQL keeps its data between starts." },
  SEED_ON_FIRST_START: { group: 'api', type: 'boolean', default: true, description: 'Seed development data into a new embedded database.' },
  LOG_LEVEL: { group: 'api', type: 'choice', choices: LOG_LEVELS, default: 'info', description: 'fatal | error | warn | info | debug | trace | silent' },
  BODY_LIMIT_BYTES: {
    group: 'api',
    type: 'integer',
    default: 1_048_576,
    min: 1_024,
    max: 52_428_800,
    description: 'Largest accepted request body; larger ones get 413.',
  },
  CORS_ORIGINS: { group: 'api', type: 'origins', description: 'Comma-separated browser origins allowed by CORS; none when empty.' },
  TRUST_PROXY: {
    group: 'api',
    type: 'boolean',
    default: false,
    description: 'true when the API runs behind a reverse proxy: the client address (used by the sign-in throttle and the audit trail) is then read from X-Forwarded-For.',
  },
  LIST_RATE_LIMIT_PER_MINUTE: {
    group: 'api',
    type: 'integer',
    default: 120,
    min: 1,
    max: 100_000,
    description: 'List and search requests (patients, appointments, providers, a chart\'s lists) per provider per minute, shared by every replica (each takes a twentieth of it at a time, see docs/operations.md); more get 429 with Retry-After.',
  },
  SHUTDOWN_GRACE_SECONDS: {
    group: 'api',
    type: 'integer',
    default: 25,
    min: 1,
    max: 600,
    description:
      'On SIGTERM the API stops accepting connections and gives the requests already running this long to finish before it cuts them and exits; keep it below the orchestrator\'s own limit (Kubernetes: terminationGracePeriodSeconds, 30 by default).',
  },

  JWT_SECRET: {
    group: 'sign-in',
    type: 'text',
    secret: true,
    example: 'replace-with-at-least-32-random-characters',
    description:
      'HS256 key for access tokens, at least 32 characters (openssl rand -base64 48). Required for staging and production, which refuse published values such as the example and the built-in development key.',
  },
  ACCESS_TOKEN_TTL_SECONDS: { group: 'sign-in', type: 'integer', default: 900, min: 60, max: 3_600, description: 'Access token lifetime.' },
  REFRESH_TOKEN_TTL_SECONDS: {
    group: 'sign-in',
    type: 'integer',
    default: 43_200,
    min: 300,
    max: 2_592_000,
    description: 'Longest a sign-in lasts; refreshing never extends it.',
  },
  REFRESH_TOKEN_IDLE_SECONDS: {
    group: 'sign-in',
    type: 'integer',
    default: 1_800,
    min: 60,
    max: 2_592_000,
    description: 'A refresh token unused this long stops working (automatic sign-out of an unattended workstation).',
  },
  LOGIN_MAX_FAILURES: { group: 'sign-in', type: 'integer', default: 5, min: 1, max: 100, description: 'Sign-in attempts per email evaluated per window; more get 429.' },
  LOGIN_MAX_FAILURES_PER_ADDRESS: {
    group: 'sign-in',
    type: 'integer',
    default: 50,
    min: 1,
    max: 100_000,
    description: 'Failed sign-in attempts per client address per window (a clinic may share one address); more get 429.',
  },
  LOGIN_LOCKOUT_SECONDS: {
    group: 'sign-in',
    type: 'integer',
    default: 900,
    min: 1,
    max: 86_400,
    description: 'The window sign-in attempts are counted in, and how long a throttled email or address waits.',
  },
  AUTHORITY_CACHE_SECONDS: {
    group: 'sign-in',
    type: 'integer',
    default: 2,
    min: 0,
    max: 10,
    description:
      "How long one API process reuses a provider's authority (role, active, session epoch) read from the database; 0 reads it on every request. A deactivation or role change through another replica takes effect within this many seconds.",
  },

  SCRIBE_WORKER: {
    group: 'scribe',
    type: 'choice',
    choices: ['inline', 'off'],
    default: 'inline',
    description: 'inline | off. inline: the API runs scribe jobs itself. off: it only queues them, for a worker process (nx run api:worker) on the same database.',
  },
  SCRIBE_MAX_AUDIO_BYTES: {
    group: 'scribe',
    type: 'integer',
    default: 52_428_800,
    min: 1_024,
    max: 524_288_000,
    description: 'Largest recording accepted by POST /appointments/:id/scribe; larger ones get 413.',
  },
  SCRIBE_STORAGE: { group: 'scribe', type: 'choice', choices: ['local', 's3'], default: 'local', description: 'local | s3: where recordings are kept (nothing in the API deletes one; retention is the operator\'s).' },
  SCRIBE_STORAGE_DIR: { group: 'scribe', type: 'text', default: '.data/scribe-audio', description: 'SCRIBE_STORAGE=local: the directory of recordings (kept 0700, files 0600, named by job id).' },
  SCRIBE_S3_BUCKET: { group: 'scribe', type: 'text', example: 'clinic-scribe-audio', description: 'SCRIBE_STORAGE=s3: the bucket (required then). Encryption at rest and lifecycle are the bucket\'s settings.' },
  SCRIBE_S3_PREFIX: { group: 'scribe', type: 'text', default: 'scribe-audio/', description: 'SCRIBE_STORAGE=s3: the key prefix of recordings.' },
  SCRIBE_S3_REGION: { group: 'scribe', type: 'text', default: 'us-east-1', description: "SCRIBE_STORAGE=s3: the bucket's region." },
  SCRIBE_S3_ENDPOINT: { group: 'scribe', type: 'text', example: 'https://minio.clinic.example:9000', description: 'SCRIBE_STORAGE=s3: the endpoint of an S3-compatible service other than AWS.' },
  SCRIBE_S3_FORCE_PATH_STYLE: { group: 'scribe', type: 'boolean', default: false, description: 'SCRIBE_STORAGE=s3: path-style bucket addressing, which MinIO and most self-hosted stores need.' },
  SCRIBE_S3_ACCESS_KEY_ID: { group: 'scribe', type: 'text', secret: true, description: "SCRIBE_STORAGE=s3: the access key; unset, the AWS SDK's usual chain (environment, instance role)." },
  SCRIBE_S3_SECRET_ACCESS_KEY: { group: 'scribe', type: 'text', secret: true, description: 'SCRIBE_STORAGE=s3: the secret of SCRIBE_S3_ACCESS_KEY_ID.' },
  TRANSCRIPTION_BASE_URL: {
    group: 'scribe',
    type: 'text',
    example: 'https://api.openai.com/v1',
    description: 'An OpenAI-compatible transcription service (POST {url}/audio/transcriptions: OpenAI, or a self-hosted Whisper server). Unset: recordings are refused (422) and clients send transcripts.',
  },
  TRANSCRIPTION_MODEL: { group: 'scribe', type: 'text', default: 'whisper-1', description: 'The transcription model.' },
  TRANSCRIPTION_API_KEY: { group: 'scribe', type: 'text', secret: true, description: 'Bearer key of the transcription service; self-hosted servers often need none.' },
  TRANSCRIPTION_TIMEOUT_MS: { group: 'scribe', type: 'integer', default: 120_000, min: 1_000, max: 3_600_000, description: 'How long one transcription call may take before it counts as a (retried) timeout.' },
  SCRIBE_EXTRACTOR: {
    group: 'scribe',
    type: 'choice',
    choices: ['rules', 'llm'],
    default: 'rules',
    description: 'rules | llm. rules: offline and deterministic (libs/scribe). llm: an OpenAI-compatible chat-completions model (SCRIBE_LLM_*).',
  },
  SCRIBE_LLM_BASE_URL: { group: 'scribe', type: 'text', example: 'https://api.openai.com/v1', description: 'SCRIBE_EXTRACTOR=llm: the OpenAI-compatible service (POST {url}/chat/completions); required then.' },
  SCRIBE_LLM_MODEL: { group: 'scribe', type: 'text', example: 'gpt-4o-mini', description: 'SCRIBE_EXTRACTOR=llm: the model, which must support JSON-schema structured outputs; required then.' },
  SCRIBE_LLM_API_KEY: { group: 'scribe', type: 'text', secret: true, description: 'SCRIBE_EXTRACTOR=llm: bearer key of the service.' },
  SCRIBE_LLM_TIMEOUT_MS: { group: 'scribe', type: 'integer', default: 120_000, min: 1_000, max: 3_600_000, description: 'SCRIBE_EXTRACTOR=llm: how long one call may take before it counts as a (retried) timeout.' },
  SCRIBE_RETRY_LIMIT: {
    group: 'scribe',
    type: 'integer',
    default: 5,
    min: 0,
    max: 20,
    description: 'Retries of a job after a transient provider failure (timeout, 429, 5xx, network); permanent ones (4xx, unreadable audio) fail at once.',
  },
  SCRIBE_RETRY_DELAY_SECONDS: {
    group: 'scribe',
    type: 'integer',
    default: 15,
    min: 1,
    max: 3_600,
    description: 'The first retry waits this long; each further one about twice as long (exponential back-off).',
  },

  MIGRATION_DATABASE_URL: {
    group: 'migrations',
    type: 'postgres-url',
    secret: true,
    example: 'postgresql://clinic_owner@127.0.0.1:5432/clinic',
    description:
      'The owner of the tables, for Prisma Migrate, the seeds and the tools in tools/migrations (never the API). Unset: they use DATABASE_URL, which must then be the owner.',
  },
  MIGRATION_LOCK_TIMEOUT: { group: 'migrations', type: 'text', default: '10s', description: 'How long a migration statement may wait for a lock before the migration fails.' },
  SHADOW_DATABASE_URL: {
    group: 'migrations',
    type: 'postgres-url',
    secret: true,
    example: 'postgresql://postgres@127.0.0.1:5432/clinic_shadow',
    description: 'A database Prisma may empty and use as its shadow database; a temporary one is created and dropped when unset (which needs CREATEDB).',
  },
  PRISMA_SCHEMA_ENGINE_BINARY: {
    group: 'migrations',
    type: 'text',
    example: '/usr/local/bin/schema-engine',
    description: 'A native schema-engine binary to use instead of the WebAssembly bridge (tools/prisma-engine).',
  },

  SEED_ENVIRONMENT: {
    group: 'seeds',
    type: 'choice',
    choices: ['development', 'staging', 'production'],
    default: 'development',
    description: 'development | staging | production (nx run db:seed:<environment> sets it).',
  },
  SEED_ADMIN_EMAIL: { group: 'seeds', type: 'text', example: 'director@clinic.example.org', description: "Production's only seeded provider. No default: the production seed refuses without it." },
  SEED_ADMIN_PASSWORD: { group: 'seeds', type: 'text', secret: true, description: "The production administrator's first password; no default, and a weak one is refused." },
  SEED_ADMIN_FIRST_NAME: { group: 'seeds', type: 'text', default: 'Clinic', description: "The production administrator's first name." },
  SEED_ADMIN_LAST_NAME: { group: 'seeds', type: 'text', default: 'Administrator', description: "The production administrator's last name." },
  SEED_STAGING_PASSWORD: {
    group: 'seeds',
    type: 'text',
    secret: true,
    description: "Staging accounts' password; unset, they share the published development password.",
  },

  BACKUP_DIR: { group: 'backups', type: 'text', default: 'backups', description: 'Where production deploys write their backup before migrating.' },
  BACKUP_S3_BUCKET: {
    group: 'backups',
    type: 'text',
    example: 'clinic-backups',
    description:
      'An S3-compatible bucket the production deploy uploads its backup to (and checks) before it deploys; required by --require-durable-backup unless BACKUP_DIR is mounted storage. Credentials come from the AWS SDK\'s usual chain (AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, a role).',
  },
  BACKUP_S3_PREFIX: { group: 'backups', type: 'text', default: 'clinic-backups/', description: 'The key prefix of uploaded backups.' },
  BACKUP_S3_ENDPOINT: { group: 'backups', type: 'text', example: 'https://minio.clinic.example:9000', description: 'The endpoint of an S3-compatible service other than AWS.' },
  BACKUP_S3_REGION: { group: 'backups', type: 'text', example: 'us-east-1', description: "The bucket's region (falls back to AWS_REGION)." },
  AWS_REGION: { group: 'backups', type: 'text', example: 'eu-west-1', description: "The AWS SDK's region, when BACKUP_S3_REGION is unset." },
  BACKUP_S3_FORCE_PATH_STYLE: { group: 'backups', type: 'boolean', default: false, description: 'Path-style bucket addressing, which MinIO and most self-hosted stores need.' },
  BACKUP_S3_SSE: { group: 'backups', type: 'text', default: 'AES256', description: 'Server-side encryption of the uploaded dump; "none" for services without it.' },
  PG_DUMP: { group: 'backups', type: 'text', default: 'pg_dump', description: "The pg_dump to use (for instance one matching the server's major version)." },
  PG_RESTORE: { group: 'backups', type: 'text', default: 'pg_restore', description: 'The pg_restore to use.' },
} as const satisfies Record<string, Variable>;

export type VariableName = keyof typeof VARIABLES;

/**
 * Variables that test runners, CI runners and the evaluation command set for their own plumbing;
 * they configure nothing a clinic runs.
 */
export const TEST_ONLY_VARIABLES = ['TEST_EMBEDDED', 'TEST_TEMPLATE_DUMP', 'TEST_TEMPLATE_DATABASE', 'CI', 'PGUSER', 'GITHUB_WORKSPACE', 'RUNNER_TEMP', 'SCRIBE_EVAL_DIR'] as const;
