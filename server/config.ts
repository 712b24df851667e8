/**
 * The one typed configuration module. Every setting comes from the environment (or a
 * test's overrides), is validated once at start, and is documented in the README table.
 */
import { availableParallelism } from 'node:os';
import path from 'node:path';

export interface Config {
  host: string;
  port: number;
  logLevel: string;
  /** Folder for the SQLite file and the generated encryption key. */
  dataDir: string;
  /** `sqlite:<file>` (default: <dataDir>/haven.db) or `postgres://…`. */
  databaseUrl: string;
  /** Redis for cross-instance live events; empty means in-process delivery. */
  redisUrl: string;
  sessionTtlHours: number;
  claimLeaseSeconds: number;
  stageTimeoutMs: number;
  maxMessageChars: number;
  maxTitleChars: number;
  bodyLimitBytes: number;
  /** `keyId:base64(32 bytes)` comma-separated; the first encrypts, all decrypt (rotation). */
  encryptionKeys: string;
  /** Originals of redacted or held messages are purged after this many hours at most. */
  originalRetentionHours: number;
  /** Bootstrap admin created on first start when both are set. */
  adminHandle: string;
  adminPassword: string;
  /** Seed a demo community with rooms and accounts. */
  demo: boolean;
  /** Scrypt cost; lowered only by tests. */
  scryptCost: number;
  /** Run the model-based stages (misinformation); off only for tiny deployments or tests that do not need them. */
  models: boolean;
  /** Worker threads running the moderation pipeline (each with its own copy of the model); 0 = on the main thread. */
  pipelineWorkers: number;
  /** Worker threads running the sentence encoder when the pipeline runs on the main thread. */
  encoderWorkers: number;
  /** Encoder model folder; empty = models/use-lite. */
  encoderDir: string;
  /** Misinformation head and claims folder; empty = models/misinfo. */
  misinfoModelDir: string;
  /** Time budget of a model-based stage (it waits for the encoder under load). */
  modelStageTimeoutMs: number;
  /**
   * With the models on: the PHI tagger also reads the encoder's token states (more names and places found, fewer false
   * alarms). A message that fits one encoder window shares that run with the misinformation and crisis stages; a
   * longer one costs its extra windows. Off: rules and the plain tagger.
   */
  phiTransformer: boolean;
}

function onOff(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|on|true|yes)$/i.test(raw)) return true;
  if (/^(0|off|false|no)$/i.test(raw)) return false;
  throw new ConfigError(`${name} must be on or off, got "${raw}"`);
}

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new ConfigError(`${name} must be an integer ≥ ${min}, got "${raw}"`);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const dataDir = path.resolve(overrides.dataDir ?? env.HAVEN_DATA_DIR ?? './data');
  const config: Config = {
    host: env.HOST ?? '127.0.0.1',
    port: int(env, 'PORT', 3000),
    logLevel: env.LOG_LEVEL ?? 'info',
    dataDir,
    databaseUrl: env.DATABASE_URL ?? `sqlite:${path.join(dataDir, 'haven.db')}`,
    redisUrl: env.REDIS_URL ?? '',
    sessionTtlHours: int(env, 'HAVEN_SESSION_TTL_HOURS', 24 * 14, 1),
    claimLeaseSeconds: int(env, 'HAVEN_CLAIM_LEASE_SECONDS', 300, 1),
    stageTimeoutMs: int(env, 'HAVEN_STAGE_TIMEOUT_MS', 2000, 1),
    maxMessageChars: int(env, 'HAVEN_MAX_MESSAGE_CHARS', 10_000, 1),
    maxTitleChars: int(env, 'HAVEN_MAX_TITLE_CHARS', 200, 1),
    bodyLimitBytes: int(env, 'HAVEN_BODY_LIMIT_BYTES', 256 * 1024, 1024),
    encryptionKeys: env.HAVEN_ENCRYPTION_KEYS ?? '',
    originalRetentionHours: int(env, 'HAVEN_ORIGINAL_RETENTION_HOURS', 24 * 30, 1),
    adminHandle: env.HAVEN_ADMIN_HANDLE ?? '',
    adminPassword: env.HAVEN_ADMIN_PASSWORD ?? '',
    demo: env.HAVEN_DEMO === '1' || env.HAVEN_DEMO === 'true',
    scryptCost: int(env, 'HAVEN_SCRYPT_COST', 16384, 2),
    models: onOff(env, 'HAVEN_MODELS', true),
    // One core stays with the event loop (sockets, HTTP, storage); the pipeline gets the rest.
    pipelineWorkers: int(env, 'HAVEN_PIPELINE_WORKERS', Math.max(1, Math.min(4, availableParallelism() - 1)), 0),
    encoderWorkers: int(env, 'HAVEN_ENCODER_WORKERS', Math.max(1, Math.min(2, availableParallelism() - 1)), 1),
    encoderDir: env.HAVEN_ENCODER_DIR ? path.resolve(env.HAVEN_ENCODER_DIR) : '',
    misinfoModelDir: env.HAVEN_MISINFO_MODEL_DIR ? path.resolve(env.HAVEN_MISINFO_MODEL_DIR) : '',
    modelStageTimeoutMs: int(env, 'HAVEN_MODEL_STAGE_TIMEOUT_MS', 3000, 1),
    phiTransformer: onOff(env, 'HAVEN_PHI_TRANSFORMER', true),
    ...overrides,
  };
  if (!/^(sqlite:|postgres(ql)?:\/\/)/.test(config.databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with sqlite: or postgres://');
  }
  if ((config.adminHandle === '') !== (config.adminPassword === '')) {
    throw new ConfigError('HAVEN_ADMIN_HANDLE and HAVEN_ADMIN_PASSWORD must be set together');
  }
  return config;
}
