/**
 * How the composition root (src/main.ts) starts a door. Each door module exports one
 * `start<Name>Door(deps)` and nothing else is needed to plug it in.
 */
import type { Config } from '../config.js';
import type { Bot } from '../bot/types.js';
import type { Log } from '../bot/services.js';

export interface DoorDeps {
  config: Config;
  bot: Bot;
  log: Log;
}

/** A started door. `stop` stops taking messages (polling, gateway, HTTP) and resolves when done. */
export interface RunningDoor {
  name: string;
  stop(): Promise<void>;
}
