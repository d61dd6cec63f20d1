/**
 * The whole bot from a configuration: store -> worker pool -> spell service -> bot -> doors.
 * `src/main.ts` (what `npm start` runs) and the end-to-end tests start gradbot through this one
 * function, so a test drives exactly what a teacher runs. Stopping goes the other way: the
 * doors stop taking messages, the bot closes (rounds end keeping their scores), the pool
 * cancels running jobs, the database closes.
 */
import type { RunningDoor } from './adapters/door.js';
import type { BotServices, Log } from './bot/services.js';
import type { Bot } from './bot/types.js';
import type { Config } from './config.js';
import type { WorkerPool } from './jobs/pool.js';
import type { Store } from './store/index.js';

/** A started gradbot. */
export interface RunningApp {
  config: Config;
  services: BotServices;
  bot: Bot;
  /** The doors that started, in start order (local, telegram, discord, health). */
  doors: RunningDoor[];
  /** The local chat's address when it runs. */
  localUrl: string | undefined;
  /** Stops everything (idempotent); errors of one step are logged and the next step still runs. */
  stop(): Promise<void>;
}

/** Which door failed to start, with the platform's error as the cause. */
export class DoorStartError extends Error {
  constructor(
    readonly door: string,
    options: { cause: unknown },
  ) {
    super(`the ${door} door did not start`, options);
    this.name = 'DoorStartError';
  }
}

/**
 * Starts gradbot. Throws StoreError (from ./store) when the database cannot be opened and
 * DoorStartError when a door cannot start (after stopping what had started).
 */
export async function startApp(config: Config, log: Log): Promise<RunningApp> {
  // Loaded here, not at the top: a bad configuration is answered before canvas, the pool and
  // the commands load.
  const [{ createBot }, { createPool, poolOptionsFrom }, { SpellService, poolRunner }, { openStore }, { StoreSpellModelCache }] = await Promise.all([
    import('./bot/bot.js'),
    import('./jobs/pool.js'),
    import('./spells/service.js'),
    import('./store/index.js'),
    import('./bot/features/store-spell-cache.js'),
  ]);
  // The load test found a disk sync per answer (FULL) to be most of the chat thread's blocking
  // at 120 students; NORMAL in WAL mode still keeps every acknowledged answer if the process dies.
  const store: Store = openStore(config.databasePath, { synchronous: config.databaseSync });
  const pool: WorkerPool = createPool(poolOptionsFrom(config));
  // Spell models live in the store, so a restart (or a second process) does not retrain them.
  const spells = new SpellService({ runner: poolRunner(pool), cache: new StoreSpellModelCache(store.spellModels) });
  const services: BotServices = { config, store, pool, spells, log, now: () => Date.now() };
  const bot = createBot(services);
  const doors: RunningDoor[] = [];
  let localUrl: string | undefined;

  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopped ??= (async () => {
      const step = async (what: string, fn: () => Promise<void> | void): Promise<void> => {
        try {
          await fn();
        } catch (err) {
          log.error({ err: err instanceof Error ? { name: err.name, message: err.message } : String(err) }, `shutdown: ${what} failed`);
        }
      };
      await step('stopping the doors', async () => {
        await Promise.all(doors.map((d) => d.stop()));
      });
      await step('closing the bot', () => bot.close());
      await step('closing the worker pool', () => pool.close());
      await step('closing the database', () => store.close());
    })());

  const deps = { config, bot, log };
  const start = async (name: string, run: () => Promise<RunningDoor>): Promise<void> => {
    try {
      doors.push(await run());
    } catch (e) {
      await stop();
      throw new DoorStartError(name, { cause: e });
    }
  };
  if (config.local.enabled) {
    await start('local', async () => {
      const door = await (await import('./adapters/local/index.js')).startLocalDoor(deps);
      localUrl = door.url;
      return door;
    });
  }
  if (config.telegram) await start('telegram', async () => (await import('./adapters/telegram/index.js')).startTelegramDoor(deps));
  if (config.discord) await start('discord', async () => (await import('./adapters/discord/index.js')).startDiscordDoor(deps));
  if (!config.local.enabled && doors.length > 0) {
    // Docker's HEALTHCHECK asks this when only platform doors run (the local chat has its own /healthz).
    const names = doors.map((d) => d.name);
    await start('health', async () => (await import('./adapters/health.js')).startHealthServer(config.healthPort, () => ({ ok: !stopped, doors: names })));
  }
  return { config, services, bot, doors, localUrl, stop };
}
