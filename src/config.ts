import path from 'node:path';
import {
  createKeyFileIfMissing,
  developmentKeyFile,
  KEY_SPECS,
  readKeyFile,
  readKeyVariables,
} from './platform/crypto/key-file.ts';
import { AppError } from './platform/errors.ts';

export type DatabaseConfig =
  { dialect: 'sqlite'; path: string } | { dialect: 'postgres'; url: string; schema?: string };

export interface KeyConfig {
  /** SM4 key, 16 bytes: encrypts ID and phone numbers at rest. */
  encryption: Buffer;
  /** HMAC-SM3 key authenticating each ciphertext (encrypt-then-MAC). */
  mac: Buffer;
  /** HMAC-SM3 key of the blind index used to look up encrypted values. */
  blindIndex: Buffer;
}

export type KeySource = { kind: 'environment' } | { kind: 'file'; path: string; isNew: boolean };

export interface Config {
  environment: 'development' | 'test' | 'production';
  host: string;
  port: number;
  dataDir: string;
  database: DatabaseConfig;
  /**
   * PostgreSQL only: a streaming replica (DATABASE_READ_URL) the dashboards read from while its
   * replay lag is at most `maxLagSeconds` (YANGFAN_READ_MAX_LAG_SECONDS); otherwise the primary.
   */
  readReplica?: { url: string; maxLagSeconds: number };
  keys: KeyConfig;
  /** Where the keys came from: the environment, or a development key file (just created or not). */
  keySource: KeySource;
  /** Trust X-Forwarded-For from a reverse proxy. */
  trustProxy: boolean;
  /**
   * Origins besides the server's own host whose pages may send state-changing requests
   * (YANGFAN_ALLOWED_ORIGINS, comma-separated, e.g. https://yangfan.example.gov.cn behind a proxy).
   */
  allowedOrigins: string[];
  logLevel: string;
  /**
   * Demonstration and training only (refused in production): the instant the server's clock
   * shows at start, from YANGFAN_CLOCK_START; it runs on from there. Lets a demo walk a case
   * past the 5 working days of 公示 without waiting for them.
   */
  clockStart?: Date;
  /**
   * Demo mode: only when started explicitly for a demonstration (`yangfan start`, i.e. `npm start`,
   * or YANGFAN_DEMO=1), never in production. Only then are the demo logins listed to anyone.
   */
  demo: boolean;
}

/** Reads the typed configuration from the environment; production refuses development defaults. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const environment = readEnvironment(env.NODE_ENV);
  const dataDir = path.resolve(env.YANGFAN_DATA_DIR ?? 'data');
  const database: DatabaseConfig = env.DATABASE_URL
    ? { dialect: 'postgres', url: env.DATABASE_URL }
    : { dialect: 'sqlite', path: path.resolve(env.YANGFAN_DB ?? path.join(dataDir, 'yangfan.db')) };
  return {
    environment,
    host: env.HOST ?? '127.0.0.1',
    port: readPort(env.PORT),
    dataDir,
    database,
    ...readReplicaOf(env, database),
    ...loadKeys(env, environment, dataDir),
    trustProxy: env.YANGFAN_TRUST_PROXY === '1',
    allowedOrigins: readAllowedOrigins(env.YANGFAN_ALLOWED_ORIGINS),
    logLevel: env.LOG_LEVEL ?? (environment === 'test' ? 'silent' : 'info'),
    ...readClockStart(env.YANGFAN_CLOCK_START, environment),
    demo: readDemo(env.YANGFAN_DEMO, environment),
  };
}

// How far behind the primary a replica may be for a dashboard to read from it.
const DEFAULT_READ_MAX_LAG_SECONDS = 30;

function readReplicaOf(env: NodeJS.ProcessEnv, database: DatabaseConfig): Pick<Config, 'readReplica'> {
  const url = env.DATABASE_READ_URL;
  if (!url) return {};
  if (database.dialect !== 'postgres')
    throw new AppError('CONFIG_INVALID', 'DATABASE_READ_URL 只能与 PostgreSQL（DATABASE_URL）一起使用');
  const raw = env.YANGFAN_READ_MAX_LAG_SECONDS;
  const maxLagSeconds = raw === undefined || raw === '' ? DEFAULT_READ_MAX_LAG_SECONDS : Number(raw);
  if (!Number.isFinite(maxLagSeconds) || maxLagSeconds < 0)
    throw new AppError('CONFIG_INVALID', `YANGFAN_READ_MAX_LAG_SECONDS=${raw} 无效，应为不小于 0 的秒数`);
  return { readReplica: { url, maxLagSeconds } };
}

function readClockStart(value: string | undefined, environment: Config['environment']): Pick<Config, 'clockStart'> {
  if (value === undefined || value === '') return {};
  if (environment === 'production') {
    throw new AppError('CONFIG_INVALID', '生产环境不得设置演示时钟 YANGFAN_CLOCK_START');
  }
  const start = new Date(value);
  if (
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) ||
    Number.isNaN(start.getTime())
  ) {
    throw new AppError(
      'CONFIG_INVALID',
      `YANGFAN_CLOCK_START=${value} 无效，应为带时区的时刻，如 2026-12-14T09:00:00+08:00`,
    );
  }
  return { clockStart: start };
}

function readAllowedOrigins(value: string | undefined): string[] {
  const origins = (value ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  for (const origin of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || parsed.origin !== origin) {
      throw new AppError(
        'CONFIG_INVALID',
        `YANGFAN_ALLOWED_ORIGINS 中的 ${origin} 无效，应为协议加主机，如 https://yangfan.example.gov.cn`,
      );
    }
  }
  return origins;
}

function readDemo(value: string | undefined, environment: Config['environment']): boolean {
  if (value !== '1') return false;
  if (environment === 'production') throw new AppError('CONFIG_INVALID', '生产环境不得启用演示模式 YANGFAN_DEMO');
  return true;
}

function readEnvironment(value: string | undefined): Config['environment'] {
  if (value === 'production' || value === 'test') return value;
  return 'development';
}

function readPort(value: string | undefined): number {
  if (value === undefined || value === '') return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new AppError('CONFIG_INVALID', `端口 PORT=${value} 无效，应为 0–65535 的整数`);
  }
  return port;
}

function loadKeys(
  env: NodeJS.ProcessEnv,
  environment: Config['environment'],
  dataDir: string,
): Pick<Config, 'keys' | 'keySource'> {
  const variables = Object.values(KEY_SPECS).map((spec) => spec.variable);
  if (variables.every((name) => env[name])) return { keys: readKeyVariables(env), keySource: { kind: 'environment' } };
  if (environment === 'production') {
    // Production never generates keys: new keys would make the stored personal data unreadable.
    throw new AppError('CONFIG_INVALID', `生产环境必须通过环境变量提供密钥：${variables.join('、')}`);
  }
  // Outside production a key file is generated once into the data directory and reused; whether
  // it may be (no database keyed otherwise) is checked against the database at start (key-check.ts).
  const file = developmentKeyFile(dataDir);
  const isNew = createKeyFileIfMissing(file);
  return { keys: readKeyFile(file), keySource: { kind: 'file', path: file, isNew } };
}
