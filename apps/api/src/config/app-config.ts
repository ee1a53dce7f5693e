// The one typed configuration object, read from the environment once at start-up through the
// declaration of every variable (variables.ts: type, default, range, secret); a missing or bad one
// stops the process with the whole list of what is wrong, rather than failing later in the middle
// of a clinic day. The rules that span variables (production needs a database and a real key)
// live here.

import { ENVIRONMENTS, type LOG_LEVELS, VARIABLES, type Variable, type VariableName } from './variables.js';

export { ENVIRONMENTS, LOG_LEVELS } from './variables.js';
export type Environment = (typeof ENVIRONMENTS)[number];
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface AppConfig {
  environment: Environment;
  host: string;
  port: number;
  /** Absent: the API starts an embedded PostgreSQL (development and tests only). */
  databaseUrl?: string;
  databasePoolSize: number;
  /** Connections kept open however long idle (at most the pool's size). */
  databasePoolMinIdle: number;
  /** The pool's limits (libs/db client.ts): connection wait, idle close, statement_timeout. */
  databaseConnectTimeoutMs: number;
  databaseIdleTimeoutMs: number;
  databaseStatementTimeoutMs: number;
  /** Streaming replicas for read-only work (libs/db/src/read-replicas.ts); none: the primary answers all. */
  databaseReplicaUrls: string[];
  /** A replica further behind than this is skipped. */
  replicaMaxLagSeconds: number;
  /** Where the embedded PostgreSQL keeps its data between starts. */
  embeddedDataDir: string;
  /** Seed development data when the embedded database is new. */
  seedOnFirstStart: boolean;
  logLevel: LogLevel;
  bodyLimitBytes: number;
  corsOrigins: string[];
  /** Behind a reverse proxy, the client address comes from X-Forwarded-For (login throttling needs it). */
  trustProxy: boolean;
  /** Requests per provider per minute to list and search routes, then 429 (see auth/list-throttle.ts). */
  listRateLimitPerMinute: number;
  /** How long in-flight requests may run on after SIGTERM (see lifecycle/graceful-shutdown.ts). */
  shutdownGraceSeconds: number;
  auth: AuthConfig;
  scribe: ScribeConfig;
}

/** An OpenAI-compatible provider the scribe calls (transcription, or the llm extractor). */
export interface ScribeProviderConfig {
  baseUrl: string;
  model: string;
  /** Secret: never logged. */
  apiKey?: string;
  timeoutMs: number;
}

/** The AI scribe (apps/api/src/scribe): who runs its jobs, where recordings go, which providers. */
export interface ScribeConfig {
  /** inline: this process runs jobs; off: it only queues them (a worker process runs them). */
  worker: 'inline' | 'off';
  maxAudioBytes: number;
  storage: { kind: 'local'; directory: string } | { kind: 's3'; bucket: string; prefix: string; region: string; endpoint?: string; forcePathStyle: boolean; credentials?: { accessKeyId: string; secretAccessKey: string } };
  /** Absent: recordings are refused (422), transcripts accepted. */
  transcription?: ScribeProviderConfig;
  extractor: { kind: 'rules' } | ({ kind: 'llm' } & ScribeProviderConfig);
  retryLimit: number;
  retryDelaySeconds: number;
}

/** Sign-in, tokens and the login throttle (see apps/api/src/auth). */
export interface AuthConfig {
  /** The HS256 key that signs access tokens. */
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  /** How long a sign-in lasts at most, however often its refresh token is rotated. */
  refreshTokenTtlSeconds: number;
  /** How long a refresh token stays usable unused: an unattended workstation signs itself out. */
  refreshTokenIdleSeconds: number;
  /** Failed sign-ins per account, then per client address, before further attempts get 429. */
  loginMaxFailures: number;
  loginMaxFailuresPerAddress: number;
  /** The window failures are counted in, and how long a throttled account or address waits. */
  loginLockoutSeconds: number;
  /**
   * How long one API process may reuse a provider's authority (role, active, session epoch) read
   * from the database before reading it again; 0 reads it on every request. A change made through
   * this process is seen at once; one made through another replica, after at most this long.
   */
  authorityCacheSeconds: number;
}

/**
 * What development and tests sign tokens with when JWT_SECRET is unset. It is public (it is in
 * this file), so staging and production refuse it, and every other secret known to be published.
 */
export const DEVELOPMENT_JWT_SECRET = 'development-only-jwt-secret-never-use-in-production';
const PUBLISHED_JWT_SECRETS: readonly string[] = [DEVELOPMENT_JWT_SECRET, VARIABLES.JWT_SECRET.example];
const MIN_JWT_SECRET_LENGTH = 32;

export class ConfigInvalid extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigInvalid';
  }
}

type Env = Record<string, string | undefined>;

/** The type each kind of declared variable reads as. */
type ValueOf<V extends Variable> = V extends { type: 'integer' }
  ? number
  : V extends { type: 'boolean' }
    ? boolean
    : V extends { type: 'origins' | 'postgres-urls' }
      ? string[]
      : V extends { type: 'choice' }
        ? V['choices'][number]
        : V extends { default: string }
          ? string
          : string | undefined;

/** Reads declared variables, collecting every problem instead of stopping at the first. */
class EnvReader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  read<N extends VariableName>(name: N): ValueOf<(typeof VARIABLES)[N]> {
    const variable: Variable = VARIABLES[name];
    const raw = this.env[name]?.trim() || undefined;
    return this.parse(name, variable, raw) as ValueOf<(typeof VARIABLES)[N]>;
  }

  private parse(name: string, variable: Variable, raw: string | undefined): unknown {
    switch (variable.type) {
      case 'text':
        return raw ?? variable.default;
      case 'integer': {
        if (raw === undefined) return variable.default;
        const value = Number(raw);
        if (Number.isInteger(value) && value >= variable.min && value <= variable.max) return value;
        this.problems.push(`${name} must be a whole number from ${variable.min} to ${variable.max} (got "${raw}")`);
        return variable.default;
      }
      case 'boolean':
        if (raw === undefined) return variable.default;
        if (raw === 'true' || raw === '1') return true;
        if (raw === 'false' || raw === '0') return false;
        this.problems.push(`${name} must be true or false (got "${raw}")`);
        return variable.default;
      case 'choice':
        if (raw === undefined) return variable.default;
        if (variable.choices.includes(raw)) return raw;
        this.problems.push(`${name} must be one of ${variable.choices.join(', ')} (got "${raw}")`);
        return variable.default;
      case 'postgres-url':
        return raw === undefined ? undefined : this.postgresUrl(name, raw);
      case 'origins':
        return raw === undefined ? [] : this.origins(name, raw);
      case 'postgres-urls':
        return raw === undefined
          ? []
          : raw
              .split(',')
              .map((url) => url.trim())
              .filter(Boolean)
              .map((url) => this.postgresUrl(name, url))
              .filter((url): url is string => url !== undefined);
    }
  }

  private postgresUrl(name: string, raw: string): string | undefined {
    try {
      const url = new URL(raw);
      if (url.protocol !== 'postgresql:' && url.protocol !== 'postgres:') throw new Error('protocol');
      return raw;
    } catch {
      this.problems.push(`${name} must be a postgresql:// connection string`);
      return undefined;
    }
  }

  private origins(name: string, raw: string): string[] {
    const origins = raw.split(',').map((origin) => origin.trim()).filter(Boolean);
    for (const origin of origins) {
      try {
        if (new URL(origin).origin !== origin) throw new Error('not an origin');
      } catch {
        this.problems.push(`${name}: "${origin}" is not an origin such as https://clinic.example.org`);
      }
    }
    return origins;
  }
}

export function loadConfig(env: Env = process.env): AppConfig {
  const read = new EnvReader(env);
  const environment = read.read('NODE_ENV');
  const databaseUrl = read.read('DATABASE_URL');
  const poolSize = read.read('DATABASE_POOL_SIZE');
  const config: AppConfig = {
    environment,
    host: read.read('HOST'),
    port: read.read('PORT'),
    databaseUrl,
    // An embedded PostgreSQL is one backend session: several connections would interleave
    // their transactions, so it gets exactly one.
    databasePoolSize: databaseUrl ? poolSize : 1,
    databasePoolMinIdle: Math.min(read.read('DATABASE_POOL_MIN_IDLE'), databaseUrl ? poolSize : 1),
    databaseConnectTimeoutMs: read.read('DATABASE_CONNECT_TIMEOUT_MS'),
    databaseIdleTimeoutMs: read.read('DATABASE_IDLE_TIMEOUT_MS'),
    databaseStatementTimeoutMs: read.read('DATABASE_STATEMENT_TIMEOUT_MS'),
    // The embedded PostgreSQL has no replicas.
    databaseReplicaUrls: databaseUrl ? read.read('DATABASE_REPLICA_URLS') : [],
    replicaMaxLagSeconds: read.read('REPLICA_MAX_LAG_SECONDS'),
    embeddedDataDir: read.read('EMBEDDED_DATA_DIR'),
    seedOnFirstStart: read.read('SEED_ON_FIRST_START'),
    logLevel: read.read('LOG_LEVEL'),
    bodyLimitBytes: read.read('BODY_LIMIT_BYTES'),
    corsOrigins: read.read('CORS_ORIGINS'),
    trustProxy: read.read('TRUST_PROXY'),
    listRateLimitPerMinute: read.read('LIST_RATE_LIMIT_PER_MINUTE'),
    shutdownGraceSeconds: read.read('SHUTDOWN_GRACE_SECONDS'),
    auth: readAuthConfig(read, environment),
    scribe: readScribeConfig(read),
  };
  if ((environment === 'production' || environment === 'staging') && !databaseUrl) {
    read.problems.push(`DATABASE_URL is required when NODE_ENV=${environment}: the embedded PostgreSQL is for development and tests only`);
  }
  if (read.problems.length > 0) throw new ConfigInvalid(read.problems);
  return config;
}

function readAuthConfig(read: EnvReader, environment: Environment): AuthConfig {
  const deployed = environment === 'production' || environment === 'staging';
  const jwtSecret = read.read('JWT_SECRET');
  if (jwtSecret === undefined && deployed) {
    read.problems.push(`JWT_SECRET is required when NODE_ENV=${environment} (at least ${MIN_JWT_SECRET_LENGTH} random characters, e.g. openssl rand -base64 48)`);
  } else if (jwtSecret !== undefined && jwtSecret.length < MIN_JWT_SECRET_LENGTH) {
    read.problems.push(`JWT_SECRET must be at least ${MIN_JWT_SECRET_LENGTH} characters (got ${jwtSecret.length})`);
  } else if (jwtSecret !== undefined && deployed && PUBLISHED_JWT_SECRETS.includes(jwtSecret)) {
    read.problems.push(`JWT_SECRET is a published development value: anyone could sign tokens; set a secret of your own for NODE_ENV=${environment}`);
  }
  const auth: AuthConfig = {
    jwtSecret: jwtSecret ?? DEVELOPMENT_JWT_SECRET,
    accessTokenTtlSeconds: read.read('ACCESS_TOKEN_TTL_SECONDS'),
    refreshTokenTtlSeconds: read.read('REFRESH_TOKEN_TTL_SECONDS'),
    refreshTokenIdleSeconds: read.read('REFRESH_TOKEN_IDLE_SECONDS'),
    loginMaxFailures: read.read('LOGIN_MAX_FAILURES'),
    loginMaxFailuresPerAddress: read.read('LOGIN_MAX_FAILURES_PER_ADDRESS'),
    loginLockoutSeconds: read.read('LOGIN_LOCKOUT_SECONDS'),
    authorityCacheSeconds: read.read('AUTHORITY_CACHE_SECONDS'),
  };
  if (auth.refreshTokenIdleSeconds > auth.refreshTokenTtlSeconds) {
    read.problems.push(`REFRESH_TOKEN_IDLE_SECONDS (${auth.refreshTokenIdleSeconds}) must not exceed REFRESH_TOKEN_TTL_SECONDS (${auth.refreshTokenTtlSeconds})`);
  }
  return auth;
}

function readScribeConfig(read: EnvReader): ScribeConfig {
  const storageKind = read.read('SCRIBE_STORAGE');
  let storage: ScribeConfig['storage'];
  if (storageKind === 's3') {
    const bucket = read.read('SCRIBE_S3_BUCKET');
    if (!bucket) read.problems.push('SCRIBE_S3_BUCKET is required when SCRIBE_STORAGE=s3');
    const accessKeyId = read.read('SCRIBE_S3_ACCESS_KEY_ID');
    const secretAccessKey = read.read('SCRIBE_S3_SECRET_ACCESS_KEY');
    if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) read.problems.push('SCRIBE_S3_ACCESS_KEY_ID and SCRIBE_S3_SECRET_ACCESS_KEY are set together, or neither');
    storage = {
      kind: 's3',
      bucket: bucket ?? '',
      prefix: read.read('SCRIBE_S3_PREFIX'),
      region: read.read('SCRIBE_S3_REGION'),
      endpoint: read.read('SCRIBE_S3_ENDPOINT'),
      forcePathStyle: read.read('SCRIBE_S3_FORCE_PATH_STYLE'),
      credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    };
  } else {
    storage = { kind: 'local', directory: read.read('SCRIBE_STORAGE_DIR') };
  }

  const transcriptionUrl = read.read('TRANSCRIPTION_BASE_URL');
  const transcription = transcriptionUrl
    ? { baseUrl: transcriptionUrl, model: read.read('TRANSCRIPTION_MODEL'), apiKey: read.read('TRANSCRIPTION_API_KEY'), timeoutMs: read.read('TRANSCRIPTION_TIMEOUT_MS') }
    : undefined;

  let extractor: ScribeConfig['extractor'] = { kind: 'rules' };
  if (read.read('SCRIBE_EXTRACTOR') === 'llm') {
    const baseUrl = read.read('SCRIBE_LLM_BASE_URL');
    const model = read.read('SCRIBE_LLM_MODEL');
    if (!baseUrl || !model) read.problems.push('SCRIBE_LLM_BASE_URL and SCRIBE_LLM_MODEL are required when SCRIBE_EXTRACTOR=llm');
    extractor = { kind: 'llm', baseUrl: baseUrl ?? '', model: model ?? '', apiKey: read.read('SCRIBE_LLM_API_KEY'), timeoutMs: read.read('SCRIBE_LLM_TIMEOUT_MS') };
  }

  return {
    worker: read.read('SCRIBE_WORKER'),
    maxAudioBytes: read.read('SCRIBE_MAX_AUDIO_BYTES'),
    storage,
    transcription,
    extractor,
    retryLimit: read.read('SCRIBE_RETRY_LIMIT'),
    retryDelaySeconds: read.read('SCRIBE_RETRY_DELAY_SECONDS'),
  };
}
