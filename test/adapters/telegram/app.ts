/**
 * The bot started the way `npm start` starts it with a Telegram token: the environment goes
 * through loadConfig, then src/app.ts's startApp (what src/main.ts runs) composes store, worker
 * pool, spell service, bot and the doors the configuration turns on, here the Telegram door.
 */
import { startApp as startGradbot, type RunningApp } from '../../../src/app.js';
import type { Log } from '../../../src/bot/services.js';
import { loadConfig } from '../../../src/config.js';

export type { RunningApp };

/** Starts gradbot from an environment, as `npm start` would; the health port is left to the OS. */
export async function startApp(env: NodeJS.ProcessEnv, log: Log): Promise<RunningApp> {
  return startGradbot(loadConfig({ HEALTH_PORT: '0', ...env }), log);
}
