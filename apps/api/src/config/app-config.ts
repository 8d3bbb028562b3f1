import { randomBytes } from 'node:crypto';
import { SubscribeTemplate } from '@jingcai/shared';

export type NodeEnv = 'development' | 'test' | 'production';

export type DatabaseConfig =
  | { kind: 'sqlite'; path: string }
  | { kind: 'mysql'; url: string; driver: 'mysql' | 'mariadb'; poolSize: number; migrationsRun: boolean };

/** Where uploads are kept: one directory, or an S3-compatible bucket that every instance shares. */
export type StorageConfig =
  | { kind: 'local'; dir: string }
  | {
      kind: 'object';
      endpoint: string;
      region: string;
      bucket: string;
      accessKeyId: string;
      secretAccessKey: string;
      pathStyle: boolean;
    };

export interface AppConfig {
  env: NodeEnv;
  host: string;
  port: number;
  db: DatabaseConfig;
  auth: {
    jwtSecret: string;
    accessTokenTtlSeconds: number;
    refreshTokenTtlSeconds: number;
    devLogin: boolean;
  };
  /** 32-byte master key for personal data; encryption and lookup-hash keys are derived from it. */
  piiKey: Buffer;
  wechat: {
    appid: string;
    secret: string;
    apiBase: string;
    timeoutMs: number;
    retries: number;
    /** Which mini-program build codes and subscribe messages open. */
    envVersion: 'release' | 'trial' | 'develop';
    /** Token WeChat signs message-push callbacks with (media-check verdicts). */
    pushToken: string;
    subscribeTemplates: Partial<Record<SubscribeTemplate, string>>;
  };
  /** Absolute base URL the API is reached at, for links handed to clients and to WeChat. */
  publicBaseUrl: string;
  storage: StorageConfig;
  corsOrigins: string[];
  /**
   * Which peers' `X-Forwarded-For` to believe (proxy-addr syntax: addresses, CIDRs, `loopback`,
   * `linklocal`, `uniquelocal`). The client address behind them keys the per-IP login limit, so
   * believing anyone would let a client pick a fresh address for every try.
   */
  trustProxy: string;
  apiDocs: boolean;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** JSON lines (production, log pipelines) or readable lines (the demo). */
  logFormat: 'json' | 'pretty';
  rateLimit: { loginPerMinute: number; writesPerMinute: number; contentPerMinute: number };
  care: { sweepIntervalSeconds: number };
  /** How often deleted accounts' remaining personal data is erased (0: never, for tests that sweep by hand). */
  account: { sweepIntervalSeconds: number };
  /** How often families whose yearly register review fell due are looked for (0: never, tests run it by hand). */
  assistance: { reminderIntervalSeconds: number };
  /** Seed demo data into an empty database at boot. */
  demoSeed: boolean;
}

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Invalid configuration: ${variable} ${problem}`);
  }
}

/**
 * Development-only fallbacks so the demo runs with no env at all. They are published (in the code and the
 * docs), so production refuses each of them even when set explicitly: anyone could sign an admin's token
 * with the dev JWT secret or read personal data with the dev PII key.
 */
const DEV_DEFAULTS = {
  JWT_SECRET: 'jingcai-dev-only-jwt-secret-change-me',
  PII_KEY: Buffer.alloc(32, 7).toString('base64'),
  WECHAT_APPID: 'wx-fake-appid',
  WECHAT_SECRET: 'fake-secret',
  WECHAT_PUSH_TOKEN: 'jingcai-dev-push-token',
} as const;

type Env = Record<string, string | undefined>;

/**
 * Parses and validates the environment once, at boot. Any problem throws a ConfigError naming the
 * variable, and `main.ts` stops the process with it: a misconfigured instance never starts serving.
 */
export function loadConfig(env: Env = process.env): AppConfig {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'test', 'production'] as const, 'development');
  const production = nodeEnv === 'production';

  const databaseUrl = env.DATABASE_URL?.trim();
  let db: DatabaseConfig;
  if (databaseUrl) {
    if (!/^mysql:\/\/[^/]+\/[\w$-]+/.test(databaseUrl)) {
      throw new ConfigError('DATABASE_URL', 'must look like mysql://user:password@host:3306/database');
    }
    db = {
      kind: 'mysql',
      url: databaseUrl,
      driver: oneOf(env, 'DATABASE_DRIVER', ['mysql', 'mariadb'] as const, 'mysql'),
      poolSize: int(env, 'DATABASE_POOL_SIZE', 20, 1, 500),
      migrationsRun: bool(env, 'DATABASE_MIGRATIONS_RUN', true),
    };
  } else {
    if (production)
      throw new ConfigError('DATABASE_URL', 'is required in production (embedded SQLite is for demos)');
    db = { kind: 'sqlite', path: env.SQLITE_PATH?.trim() || './data/jingcai.sqlite' };
  }

  const devLogin = bool(env, 'AUTH_DEV_LOGIN', db.kind === 'sqlite');
  if (devLogin && production)
    throw new ConfigError('AUTH_DEV_LOGIN', 'must not be true when NODE_ENV=production');

  const jwtSecret = required(env, 'JWT_SECRET', production);
  if (jwtSecret.length < 32) throw new ConfigError('JWT_SECRET', 'must be at least 32 characters');

  const piiKey = Buffer.from(required(env, 'PII_KEY', production), 'base64');
  if (piiKey.length !== 32)
    throw new ConfigError('PII_KEY', 'must be 32 bytes, base64-encoded (openssl rand -base64 32)');

  const apiBase = (env.WECHAT_API_BASE?.trim() || 'https://api.weixin.qq.com').replace(/\/+$/, '');
  if (!/^https?:\/\//.test(apiBase)) throw new ConfigError('WECHAT_API_BASE', 'must be an http(s) URL');

  const port = int(env, 'PORT', 3000, 0, 65535);
  const publicBaseUrl = (env.PUBLIC_BASE_URL?.trim() || `http://127.0.0.1:${port}`).replace(/\/+$/, '');
  if (!/^https?:\/\//.test(publicBaseUrl)) throw new ConfigError('PUBLIC_BASE_URL', 'must be an http(s) URL');
  if (production && !env.PUBLIC_BASE_URL?.trim())
    throw new ConfigError('PUBLIC_BASE_URL', 'is required in production');

  return {
    env: nodeEnv,
    host: env.HOST?.trim() || '0.0.0.0',
    port,
    publicBaseUrl,
    storage: storageConfig(env),
    db,
    auth: {
      jwtSecret,
      accessTokenTtlSeconds: int(env, 'ACCESS_TOKEN_TTL', 900, 30, 86400),
      refreshTokenTtlSeconds: int(env, 'REFRESH_TOKEN_TTL', 30 * 86400, 60, 180 * 86400),
      devLogin,
    },
    piiKey,
    wechat: {
      appid: required(env, 'WECHAT_APPID', production),
      secret: required(env, 'WECHAT_SECRET', production),
      apiBase,
      timeoutMs: int(env, 'WECHAT_TIMEOUT_MS', 5000, 100, 60000),
      retries: int(env, 'WECHAT_RETRIES', 2, 0, 5),
      envVersion: oneOf(
        env,
        'WECHAT_ENV_VERSION',
        ['release', 'trial', 'develop'] as const,
        production ? 'release' : 'develop',
      ),
      pushToken: required(env, 'WECHAT_PUSH_TOKEN', production),
      subscribeTemplates: templates(env, 'WECHAT_SUBSCRIBE_TEMPLATES'),
    },
    // Loopback only by default: believing every private range let any client on a private network choose its
    // address per request. Real balancers are listed in TRUST_PROXY (docs/configuration.md).
    trustProxy: env.TRUST_PROXY?.trim() || 'loopback',
    corsOrigins: (env.CORS_ORIGINS ?? (production ? '' : 'http://localhost:10086,http://127.0.0.1:10086'))
      .split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    apiDocs: bool(env, 'API_DOCS', !production),
    logLevel: oneOf(
      env,
      'LOG_LEVEL',
      ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const,
      'info',
    ),
    logFormat: oneOf(env, 'LOG_FORMAT', ['json', 'pretty'] as const, 'json'),
    rateLimit: {
      loginPerMinute: int(env, 'RATE_LIMIT_LOGIN_PER_MINUTE', 20, 1, 100000),
      writesPerMinute: int(env, 'RATE_LIMIT_WRITES_PER_MINUTE', 120, 1, 100000),
      contentPerMinute: int(env, 'RATE_LIMIT_CONTENT_PER_MINUTE', 10, 1, 100000),
    },
    care: { sweepIntervalSeconds: int(env, 'CARE_SWEEP_INTERVAL_SECONDS', 60, 0, 86400) },
    account: { sweepIntervalSeconds: int(env, 'ACCOUNT_SWEEP_INTERVAL_SECONDS', 300, 0, 86400) },
    assistance: { reminderIntervalSeconds: int(env, 'ASSISTANCE_REMINDER_INTERVAL_SECONDS', 3600, 0, 86400) },
    demoSeed: bool(env, 'DEMO_SEED', db.kind === 'sqlite'),
  };
}

function storageConfig(env: Env): StorageConfig {
  if (oneOf(env, 'STORAGE_DRIVER', ['local', 'object'] as const, 'local') === 'local') {
    return { kind: 'local', dir: env.UPLOAD_DIR?.trim() || './data/uploads' };
  }
  const need = (name: string) => {
    const value = env[name]?.trim();
    if (!value) throw new ConfigError(name, 'is required when STORAGE_DRIVER=object');
    return value;
  };
  const endpoint = need('OBJECT_STORAGE_ENDPOINT').replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+$/.test(endpoint))
    throw new ConfigError('OBJECT_STORAGE_ENDPOINT', 'must be an http(s) URL without a path');
  const bucket = need('OBJECT_STORAGE_BUCKET');
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket))
    throw new ConfigError(
      'OBJECT_STORAGE_BUCKET',
      'must be a bucket name (lower-case letters, digits, dots, hyphens)',
    );
  return {
    kind: 'object',
    endpoint,
    region: need('OBJECT_STORAGE_REGION'),
    bucket,
    accessKeyId: need('OBJECT_STORAGE_ACCESS_KEY_ID'),
    secretAccessKey: need('OBJECT_STORAGE_SECRET_ACCESS_KEY'),
    pathStyle: bool(env, 'OBJECT_STORAGE_PATH_STYLE', false),
  };
}

/** `application_reviewed=TEMPLATE_ID,other=ID2` → a map keyed by the known template names. */
function templates(env: Env, name: string): Partial<Record<SubscribeTemplate, string>> {
  const known: readonly string[] = Object.values(SubscribeTemplate);
  const result: Partial<Record<SubscribeTemplate, string>> = {};
  for (const pair of (env[name] ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [key, id] = pair.split('=').map((p) => p.trim());
    if (!known.includes(key) || !id)
      throw new ConfigError(name, `must be key=templateId pairs with keys from ${known.join(', ')}`);
    result[key as SubscribeTemplate] = id;
  }
  return result;
}

/** A secret or credential: set and not the published dev default in production; the dev default elsewhere. */
function required(env: Env, name: keyof typeof DEV_DEFAULTS, production: boolean): string {
  const value = env[name]?.trim();
  if (production && !value) throw new ConfigError(name, 'is required in production');
  if (production && value === DEV_DEFAULTS[name])
    throw new ConfigError(name, 'is the published development default; production needs its own value');
  return value || DEV_DEFAULTS[name];
}

function int(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(name, `must be an integer between ${min} and ${max} (got "${raw}")`);
  }
  return value;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new ConfigError(name, `must be true or false (got "${raw}")`);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(name, `must be one of ${allowed.join(', ')} (got "${raw}")`);
  }
  return raw as T;
}

/** For `cli.ts keygen`: a fresh random key in the format PII_KEY expects. */
export function generatePiiKey(): string {
  return randomBytes(32).toString('base64');
}
