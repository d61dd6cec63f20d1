/**
 * Typed configuration from the environment (and a .env file, via dotenv). Every variable is
 * listed in .env.example. A bad value stops the start with one clear line per variable;
 * values are never echoed back (a misplaced secret must not reach logs).
 */
import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';

const intInRange = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const schema = z.object({
  GRADBOT_DATA_DIR: z.string().min(1).default('./data'),
  GRADBOT_LANG: z.enum(['en', 'ru']).default('en'),
  GRADBOT_WORKERS: intInRange(1, 64).optional(),
  GRADBOT_JOB_TIMEOUT_S: intInRange(1, 3600).default(60),
  GRADBOT_WORKER_MEMORY_MB: intInRange(64, 16384).default(512),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

/** The validated configuration. */
export interface Config {
  dataDir: string;
  lang: 'en' | 'ru';
  /** Worker threads; undefined means one per core. */
  workers: number | undefined;
  jobTimeoutMs: number;
  workerMemoryMb: number;
  logLevel: string;
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
  return {
    dataDir: c.GRADBOT_DATA_DIR,
    lang: c.GRADBOT_LANG,
    workers: c.GRADBOT_WORKERS,
    jobTimeoutMs: c.GRADBOT_JOB_TIMEOUT_S * 1000,
    workerMemoryMb: c.GRADBOT_WORKER_MEMORY_MB,
    logLevel: c.LOG_LEVEL,
  };
}

function readEnv(): NodeJS.ProcessEnv {
  loadDotenv({ quiet: true });
  return process.env;
}
