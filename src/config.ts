/**
 * Typed configuration from the environment (and a .env file, via dotenv). Every variable is
 * listed in .env.example. A bad value stops the start with one clear line per variable;
 * values are never echoed back (a misplaced secret must not reach logs).
 */
import { config as loadDotenv } from 'dotenv';
import { join } from 'node:path';
import { z } from 'zod';

const intInRange = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const schema = z.object({
  GRADBOT_DATA_DIR: z.string().min(1).default('./data'),
  GRADBOT_LANG: z.enum(['en', 'ru']).default('en'),
  GRADBOT_WORKERS: intInRange(1, 64).optional(),
  GRADBOT_JOB_TIMEOUT_S: intInRange(1, 3600).default(60),
  GRADBOT_WORKER_MEMORY_MB: intInRange(64, 16384).default(512),
  GRADBOT_QUEUE_MAX: intInRange(1, 100_000).default(200),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_PATH: z.string().min(1).optional(),
  DATABASE_SYNC: z.enum(['normal', 'full']).default('normal'),
  GRADBOT_UPLOAD_MAX_MB: z.coerce.number().positive().max(1024).default(10),
  LOCAL_CHAT: z.enum(['0', '1']).optional(),
  LOCAL_HOST: z.string().min(1).default('127.0.0.1'),
  LOCAL_PORT: intInRange(0, 65535).default(8787),
  LOCAL_ACCESS_CODE: z.string().min(6, 'must be at least 6 characters').optional(),
  TELEGRAM_BOT_TOKEN: z.string().regex(/^\d+:[\w-]+$/, 'does not look like a BotFather token (digits:letters)').optional(),
  TELEGRAM_API_ROOT: z
    .string()
    .url()
    .refine((u) => !u.endsWith('/'), 'must not end with "/"')
    .optional(),
  DISCORD_TOKEN: z.string().min(20, 'does not look like a Discord bot token').optional(),
  DISCORD_APP_ID: z.string().regex(/^\d{15,22}$/, 'must be the application id (a number)').optional(),
  DISCORD_GUILD_ID: z.string().regex(/^\d{15,22}$/, 'must be a server id (a number)').optional(),
  DISCORD_API_BASE: z.string().url().optional(),
  HEALTH_PORT: intInRange(0, 65535).default(8788),
  RATE_USER_PER_MIN: intInRange(1, 10_000).default(20),
  RATE_CHAT_PER_MIN: intInRange(1, 100_000).default(600),
});

/** The validated configuration. */
export interface Config {
  dataDir: string;
  lang: 'en' | 'ru';
  /** Worker threads; undefined means one per core. */
  workers: number | undefined;
  jobTimeoutMs: number;
  workerMemoryMb: number;
  /** Jobs that may wait for a worker before new ones are refused ("the queue is full"). */
  queueMax: number;
  logLevel: string;
  /** SQLite file (default <dataDir>/gradbot.db). */
  databasePath: string;
  /**
   * 'normal' (default): a committed answer survives the process being killed (WAL); 'full' also
   * survives a power cut, at the cost of a disk sync per answer on the chat thread.
   */
  databaseSync: 'normal' | 'full';
  /** Largest upload (CSV, name list) in bytes. */
  uploadMaxBytes: number;
  local: {
    /** Serve the local web chat: when no token is set, or LOCAL_CHAT=1. */
    enabled: boolean;
    host: string;
    port: number;
    /** Required when host is not loopback. */
    accessCode: string | undefined;
  };
  telegram: { token: string; apiRoot: string | undefined } | undefined;
  discord: { token: string; appId: string; guildId: string | undefined; apiBase: string | undefined } | undefined;
  rate: { userPerMinute: number; chatPerMinute: number };
  /** When the local chat is off: a loopback-only `/healthz` for Docker's HEALTHCHECK. */
  healthPort: number;
}

/** Loopback addresses, where the local chat needs no access code. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Thrown when the environment is invalid; its message lists each bad variable on a line. */
export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Parses an environment (default: process.env after loading .env). */
export function loadConfig(env: NodeJS.ProcessEnv = readEnv()): Config {
  // Empty strings in .env mean "not set", like a missing line.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `- ${i.path.join('.')}: ${i.message} (see .env.example)`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const problems: string[] = [];
  if (c.DISCORD_TOKEN !== undefined && c.DISCORD_APP_ID === undefined) problems.push('- DISCORD_APP_ID: required with DISCORD_TOKEN (see .env.example)');
  const telegram = c.TELEGRAM_BOT_TOKEN === undefined ? undefined : { token: c.TELEGRAM_BOT_TOKEN, apiRoot: c.TELEGRAM_API_ROOT };
  const discord =
    c.DISCORD_TOKEN === undefined || c.DISCORD_APP_ID === undefined
      ? undefined
      : { token: c.DISCORD_TOKEN, appId: c.DISCORD_APP_ID, guildId: c.DISCORD_GUILD_ID, apiBase: c.DISCORD_API_BASE };
  const localEnabled = c.LOCAL_CHAT === '1' || (c.LOCAL_CHAT !== '0' && telegram === undefined && discord === undefined);
  if (localEnabled && !isLoopback(c.LOCAL_HOST) && c.LOCAL_ACCESS_CODE === undefined) {
    problems.push('- LOCAL_ACCESS_CODE: required when LOCAL_HOST is not a loopback address (see .env.example)');
  }
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  return {
    dataDir: c.GRADBOT_DATA_DIR,
    lang: c.GRADBOT_LANG,
    workers: c.GRADBOT_WORKERS,
    jobTimeoutMs: c.GRADBOT_JOB_TIMEOUT_S * 1000,
    workerMemoryMb: c.GRADBOT_WORKER_MEMORY_MB,
    queueMax: c.GRADBOT_QUEUE_MAX,
    logLevel: c.LOG_LEVEL,
    databasePath: c.DATABASE_PATH ?? join(c.GRADBOT_DATA_DIR, 'gradbot.db'),
    databaseSync: c.DATABASE_SYNC,
    uploadMaxBytes: Math.round(c.GRADBOT_UPLOAD_MAX_MB * 1024 * 1024),
    local: { enabled: localEnabled, host: c.LOCAL_HOST, port: c.LOCAL_PORT, accessCode: c.LOCAL_ACCESS_CODE },
    telegram,
    discord,
    rate: { userPerMinute: c.RATE_USER_PER_MIN, chatPerMinute: c.RATE_CHAT_PER_MIN },
    healthPort: c.HEALTH_PORT,
  };
}

function readEnv(): NodeJS.ProcessEnv {
  loadDotenv({ quiet: true });
  return process.env;
}
