// The one typed configuration object, read from the environment once at start-up. Every
// variable read here is listed in .env.example; a missing or bad one stops the process with the
// whole list of what is wrong, rather than failing later in the middle of a clinic day.

export const ENVIRONMENTS = ['development', 'test', 'staging', 'production'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface AppConfig {
  environment: Environment;
  host: string;
  port: number;
  /** Absent: the API starts an embedded PostgreSQL (development and tests only). */
  databaseUrl?: string;
  databasePoolSize: number;
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
  auth: AuthConfig;
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
const PUBLISHED_JWT_SECRETS = [DEVELOPMENT_JWT_SECRET, 'replace-with-at-least-32-random-characters'];
const MIN_JWT_SECRET_LENGTH = 32;

export class ConfigInvalid extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigInvalid';
  }
}

type Env = Record<string, string | undefined>;

class EnvReader {
  readonly problems: string[] = [];
  constructor(private readonly env: Env) {}

  text(name: string, fallback: string): string {
    const value = this.env[name]?.trim();
    return value ? value : fallback;
  }

  optional(name: string): string | undefined {
    return this.env[name]?.trim() || undefined;
  }

  integer(name: string, fallback: number, min: number, max: number): number {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      this.problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  }

  choice<T extends string>(name: string, choices: readonly T[], fallback: T): T {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    if (!(choices as readonly string[]).includes(raw)) {
      this.problems.push(`${name} must be one of ${choices.join(', ')} (got "${raw}")`);
      return fallback;
    }
    return raw as T;
  }

  boolean(name: string, fallback: boolean): boolean {
    const raw = this.optional(name);
    if (raw === undefined) return fallback;
    if (raw === 'true' || raw === '1') return true;
    if (raw === 'false' || raw === '0') return false;
    this.problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  }

  postgresUrl(name: string): string | undefined {
    const raw = this.optional(name);
    if (raw === undefined) return undefined;
    try {
      const url = new URL(raw);
      if (url.protocol !== 'postgresql:' && url.protocol !== 'postgres:') throw new Error('protocol');
      return raw;
    } catch {
      this.problems.push(`${name} must be a postgresql:// connection string`);
      return undefined;
    }
  }

  origins(name: string): string[] {
    const raw = this.optional(name);
    if (raw === undefined) return [];
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
  const environment = read.choice('NODE_ENV', ENVIRONMENTS, 'development');
  const databaseUrl = read.postgresUrl('DATABASE_URL');
  const config: AppConfig = {
    environment,
    host: read.text('HOST', '0.0.0.0'),
    port: read.integer('PORT', 3000, 0, 65535),
    databaseUrl,
    // An embedded PostgreSQL is one backend session: several connections would interleave
    // their transactions, so it gets exactly one.
    databasePoolSize: databaseUrl ? read.integer('DATABASE_POOL_SIZE', 10, 1, 100) : 1,
    embeddedDataDir: read.text('EMBEDDED_DATA_DIR', '.data/pglite'),
    seedOnFirstStart: read.boolean('SEED_ON_FIRST_START', true),
    logLevel: read.choice('LOG_LEVEL', LOG_LEVELS, 'info'),
    bodyLimitBytes: read.integer('BODY_LIMIT_BYTES', 1_048_576, 1_024, 52_428_800),
    corsOrigins: read.origins('CORS_ORIGINS'),
    trustProxy: read.boolean('TRUST_PROXY', false),
    listRateLimitPerMinute: read.integer('LIST_RATE_LIMIT_PER_MINUTE', 120, 1, 100_000),
    auth: readAuthConfig(read, environment),
  };
  if ((environment === 'production' || environment === 'staging') && !databaseUrl) {
    read.problems.push(`DATABASE_URL is required when NODE_ENV=${environment}: the embedded PostgreSQL is for development and tests only`);
  }
  if (read.problems.length > 0) throw new ConfigInvalid(read.problems);
  return config;
}

function readAuthConfig(read: EnvReader, environment: Environment): AuthConfig {
  const deployed = environment === 'production' || environment === 'staging';
  const jwtSecret = read.optional('JWT_SECRET');
  if (jwtSecret === undefined && deployed) {
    read.problems.push(`JWT_SECRET is required when NODE_ENV=${environment} (at least ${MIN_JWT_SECRET_LENGTH} random characters, e.g. openssl rand -base64 48)`);
  } else if (jwtSecret !== undefined && jwtSecret.length < MIN_JWT_SECRET_LENGTH) {
    read.problems.push(`JWT_SECRET must be at least ${MIN_JWT_SECRET_LENGTH} characters (got ${jwtSecret.length})`);
  } else if (jwtSecret !== undefined && deployed && PUBLISHED_JWT_SECRETS.includes(jwtSecret)) {
    read.problems.push(`JWT_SECRET is a published development value: anyone could sign tokens; set a secret of your own for NODE_ENV=${environment}`);
  }
  const auth: AuthConfig = {
    jwtSecret: jwtSecret ?? DEVELOPMENT_JWT_SECRET,
    accessTokenTtlSeconds: read.integer('ACCESS_TOKEN_TTL_SECONDS', 900, 60, 3_600),
    refreshTokenTtlSeconds: read.integer('REFRESH_TOKEN_TTL_SECONDS', 43_200, 300, 2_592_000),
    refreshTokenIdleSeconds: read.integer('REFRESH_TOKEN_IDLE_SECONDS', 1_800, 60, 2_592_000),
    loginMaxFailures: read.integer('LOGIN_MAX_FAILURES', 5, 1, 100),
    loginMaxFailuresPerAddress: read.integer('LOGIN_MAX_FAILURES_PER_ADDRESS', 50, 1, 100_000),
    loginLockoutSeconds: read.integer('LOGIN_LOCKOUT_SECONDS', 900, 1, 86_400),
    authorityCacheSeconds: read.integer('AUTHORITY_CACHE_SECONDS', 2, 0, 10),
  };
  if (auth.refreshTokenIdleSeconds > auth.refreshTokenTtlSeconds) {
    read.problems.push(`REFRESH_TOKEN_IDLE_SECONDS (${auth.refreshTokenIdleSeconds}) must not exceed REFRESH_TOKEN_TTL_SECONDS (${auth.refreshTokenTtlSeconds})`);
  }
  return auth;
}
