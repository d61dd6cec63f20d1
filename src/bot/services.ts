/**
 * What the bot layer is given by the composition root (src/main.ts): configuration, storage,
 * the worker pool, the spell service, a logger and a clock. Tests pass their own.
 */
import type { Config } from '../config.js';
import type { SpellService } from '../spells/service.js';
import type { Store } from '../store/types.js';
import type { WorkerPool } from '../jobs/pool.js';

/** The part of pino's logger the bot uses (so tests can pass a silent one). */
export interface Log {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface BotServices {
  config: Config;
  store: Store;
  /** All heavy work (training, rendering, sampling) goes through it. */
  pool: WorkerPool;
  spells: SpellService;
  log: Log;
  /** Milliseconds since the epoch; tests move it. */
  now(): number;
}
