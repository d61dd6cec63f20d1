/**
 * What `npm start` runs: check the configuration, log with pino, start gradbot (./app.ts:
 * store -> worker pool -> spell service -> bot -> doors) and stop it cleanly on a signal.
 *
 * - A bad environment prints one line per bad variable and exits 1 (no stack trace); so do a
 *   database that cannot be opened and a door that cannot start.
 * - The local web chat starts when no token is set (or LOCAL_CHAT=1) and its address is
 *   printed for the teacher; Telegram and Discord start when their tokens are set.
 * - SIGINT/SIGTERM: the doors stop taking messages, the bot closes (rounds end keeping their
 *   scores), the pool cancels running jobs, the database closes; exit 0. A second signal
 *   forces the exit.
 */
import type { RunningApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createLogger } from './log.js';

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
function startFailure(door: string, cause: unknown, config: Config): string {
  const code = cause instanceof Error && 'code' in cause ? String(cause.code) : '';
  if (door === 'local' && code === 'EADDRINUSE') {
    return `gradbot: the local chat cannot listen on ${config.local.host}:${config.local.port}: the port is taken. Set LOCAL_PORT to a free port (or stop the other program).`;
  }
  if (door === 'local' && (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')) {
    return `gradbot: the local chat cannot listen on ${config.local.host}: no such address here. Check LOCAL_HOST.`;
  }
  if (door === 'health' && code === 'EADDRINUSE') {
    return `gradbot: the health check cannot listen on port ${config.healthPort}: the port is taken. Set HEALTH_PORT to a free port.`;
  }
  return `gradbot: the ${door} door did not start: ${cause instanceof Error ? cause.message : String(cause)}`;
}

async function main(): Promise<void> {
  const config = readConfig();
  const log = createLogger(config);
  process.on('unhandledRejection', (err) => log.error({ err }, 'unhandled rejection'));

  let app: RunningApp | undefined;
  let stopping = false;
  const shutdown = async (reason: string): Promise<void> => {
    if (stopping) {
      process.stderr.write('gradbot: second signal, exiting now\n');
      process.exit(1);
    }
    stopping = true;
    // A signal during the start is served once the start is over (see below).
    if (!app) return;
    log.info({ reason }, 'shutting down');
    setTimeout(() => {
      process.stderr.write('gradbot: shutdown took too long, exiting\n');
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS).unref();
    await app.stop();
    log.info({}, 'stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  // Loaded after the configuration is checked, so a bad variable is answered at once rather
  // than after canvas, the worker pool and the commands have loaded.
  const [{ startApp, DoorStartError }, { StoreError }] = await Promise.all([import('./app.js'), import('./store/index.js')]);
  try {
    app = await startApp(config, log);
  } catch (e) {
    if (e instanceof StoreError) fail(`gradbot: ${e.message}`);
    if (e instanceof DoorStartError) {
      log.error({ err: e.cause, door: e.door }, 'door did not start');
      fail(startFailure(e.door, e.cause, config));
    }
    throw e;
  }
  if (app.localUrl !== undefined) {
    say(`gradbot local chat: ${app.localUrl}${config.local.accessCode !== undefined ? ' (the page asks for LOCAL_ACCESS_CODE)' : ''}`);
  }
  if (app.doors.length === 0) {
    say('gradbot: no chat door is on (LOCAL_CHAT=0 and no token). Set TELEGRAM_BOT_TOKEN or DISCORD_TOKEN, or remove LOCAL_CHAT=0.');
    await app.stop();
    process.exit(1);
  }
  log.info({ doors: app.doors.map((d) => d.name) }, 'gradbot is running');
  if (stopping) {
    stopping = false;
    await shutdown('signal during start');
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`gradbot: could not start: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
