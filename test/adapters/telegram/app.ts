/**
 * The bot started the way `npm start` starts it with a Telegram token: the environment goes
 * through loadConfig, then config -> store -> worker pool -> spell service -> bot -> the
 * Telegram door, as the composition root does (src/main.ts exports no start function yet, so
 * this mirrors its order), and stops in the reverse order (door, bot, pool, store).
 */
import type { RunningDoor } from '../../../src/adapters/door.js';
import { startTelegramDoor } from '../../../src/adapters/telegram/index.js';
import { createBot } from '../../../src/bot/bot.js';
import { StoreSpellModelCache } from '../../../src/bot/features/store-spell-cache.js';
import type { BotServices, Log } from '../../../src/bot/services.js';
import type { Bot } from '../../../src/bot/types.js';
import { loadConfig, type Config } from '../../../src/config.js';
import { createPool, poolOptionsFrom, type WorkerPool } from '../../../src/jobs/pool.js';
import { poolRunner, SpellService } from '../../../src/spells/service.js';
import { openStore, type Store } from '../../../src/store/index.js';

export interface RunningApp {
  config: Config;
  bot: Bot;
  store: Store;
  pool: WorkerPool;
  door: RunningDoor;
  stop(): Promise<void>;
}

/** Starts everything from an environment, as `npm start` would with TELEGRAM_BOT_TOKEN set. */
export async function startApp(env: NodeJS.ProcessEnv, log: Log): Promise<RunningApp> {
  const config = loadConfig(env);
  const store = openStore(config.databasePath);
  const pool = createPool(poolOptionsFrom(config));
  const spells = new SpellService({ runner: poolRunner(pool), cache: new StoreSpellModelCache(store.spellModels) });
  const services: BotServices = { config, store, pool, spells, log, now: () => Date.now() };
  const bot = createBot(services);
  let door: RunningDoor;
  try {
    door = await startTelegramDoor({ config, bot, log });
  } catch (e) {
    await bot.close();
    await pool.close();
    store.close();
    throw e;
  }
  return {
    config,
    bot,
    store,
    pool,
    door,
    async stop() {
      await door.stop();
      await bot.close();
      await pool.close();
      store.close();
    },
  };
}
