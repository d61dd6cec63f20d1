/**
 * Composition root: config -> logger -> store -> worker pool -> spell service -> bot -> doors.
 *
 * - A bad environment prints one line per bad variable and exits 1 (no stack trace).
 * - The local web chat starts when no token is set (or LOCAL_CHAT=1), Telegram when
 *   TELEGRAM_BOT_TOKEN is set, Discord when DISCORD_TOKEN is; their modules load only then.
 * - SIGINT/SIGTERM: the doors stop taking messages, the bot closes (rounds end keeping their
 *   scores), the pool cancels running jobs, the database closes; exit 0. A second signal
 *   forces the exit.
 */
import type { RunningDoor } from './adapters/door.js';
import type { BotServices } from './bot/services.js';
import type { Bot } from './bot/types.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import type { WorkerPool } from './jobs/pool.js';
import { createLogger } from './log.js';
import type { Store } from './store/index.js';

/** The longest a clean shutdown may take before the process exits anyway. */
const SHUTDOWN_LIMIT_MS = 20_000;

/** Writes a line for the person at the terminal (not a log record). */
function say(line: string): void {
  process.stdout.write(line + '\n');
}

function fail(line: string): never {
  process.stderr.write(line + '\n');
  process.exit(1);
}

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) fail(e.message);
    throw e;
  }
}

/** Why a door did not start, in one line (no stack). */
function startFailure(name: string, e: unknown, config: Config): string {
  const code = e instanceof Error && 'code' in e ? String(e.code) : '';
  if (name === 'local' && code === 'EADDRINUSE') {
    return `gradbot: the local chat cannot listen on ${config.local.host}:${config.local.port}: the port is taken. Set LOCAL_PORT to a free port (or stop the other program).`;
  }
  if (name === 'local' && (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')) {
    return `gradbot: the local chat cannot listen on ${config.local.host}: no such address here. Check LOCAL_HOST.`;
  }
  return `gradbot: the ${name} door did not start: ${e instanceof Error ? e.message : String(e)}`;
}

async function main(): Promise<void> {
  const config = readConfig();
  const log = createLogger(config);
  // Loaded after the configuration is checked, so a bad variable is answered at once rather
  // than after canvas, the worker pool and the commands have loaded.
  const [{ startLocalDoor }, { createBot }, { createPool, poolOptionsFrom }, { SpellService, poolRunner }, { openStore, StoreError }] = await Promise.all([
    import('./adapters/local/index.js'),
    import('./bot/bot.js'),
    import('./jobs/pool.js'),
    import('./spells/service.js'),
    import('./store/index.js'),
  ]);

  let store: Store;
  try {
    store = openStore(config.databasePath);
  } catch (e) {
    if (e instanceof StoreError) fail(`gradbot: ${e.message}`);
    throw e;
  }
  const pool: WorkerPool = createPool(poolOptionsFrom(config));
  const spells = new SpellService({ runner: poolRunner(pool), dataDir: config.dataDir });
  const services: BotServices = { config, store, pool, spells, log, now: () => Date.now() };
  const bot: Bot = createBot(services);
  const doors: RunningDoor[] = [];

  let stopping = false;
  const shutdown = async (reason: string, code: number): Promise<void> => {
    if (stopping) {
      process.stderr.write('gradbot: second signal, exiting now\n');
      process.exit(1);
    }
    stopping = true;
    log.info({ reason }, 'shutting down');
    const force = setTimeout(() => {
      process.stderr.write('gradbot: shutdown took too long, exiting\n');
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS);
    force.unref();
    const step = async (what: string, fn: () => Promise<void> | void) => {
      try {
        await fn();
      } catch (err) {
        log.error({ err }, `shutdown: ${what} failed`);
      }
    };
    await step('stopping the doors', async () => {
      await Promise.all(doors.map((d) => d.stop()));
    });
    await step('closing the bot', () => bot.close());
    await step('closing the worker pool', () => pool.close());
    await step('closing the database', () => store.close());
    log.info({}, 'stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown('SIGINT', 0));
  process.on('SIGTERM', () => void shutdown('SIGTERM', 0));
  process.on('unhandledRejection', (err) => log.error({ err }, 'unhandled rejection'));

  const deps = { config, bot, log };
  const start = async (name: string, run: () => Promise<RunningDoor>) => {
    try {
      doors.push(await run());
    } catch (e) {
      log.error({ err: e, door: name }, 'door did not start');
      process.stderr.write(startFailure(name, e, config) + '\n');
      await shutdown(`the ${name} door did not start`, 1);
    }
  };

  if (config.local.enabled) {
    await start('local', async () => {
      const door = await startLocalDoor(deps);
      say(`gradbot local chat: ${door.url}${config.local.accessCode !== undefined ? ' (the page asks for LOCAL_ACCESS_CODE)' : ''}`);
      return door;
    });
  }
  if (config.telegram) {
    await start('telegram', async () => (await import('./adapters/telegram/index.js')).startTelegramDoor(deps));
  }
  if (config.discord) {
    await start('discord', async () => (await import('./adapters/discord/index.js')).startDiscordDoor(deps));
  }
  if (doors.length === 0 && !stopping) {
    say('gradbot: no chat door is on (LOCAL_CHAT=0 and no token). Set TELEGRAM_BOT_TOKEN or DISCORD_TOKEN, or remove LOCAL_CHAT=0.');
    await shutdown('no door', 1);
    return;
  }
  log.info({ doors: doors.map((d) => d.name) }, 'gradbot is running');
}

main().catch((e: unknown) => {
  process.stderr.write(`gradbot: could not start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
