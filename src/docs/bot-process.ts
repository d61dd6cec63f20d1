/**
 * gradbot started the way `npm start` starts it (`node --import tsx src/main.ts`), for the
 * README's screenshots: its data in a fresh temporary folder, the local chat alone on a free
 * port of 127.0.0.1, its address read from the line it prints. `stop()` ends it (SIGTERM, then
 * SIGKILL) and removes the folder.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (src/docs/../..). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A running gradbot. */
export interface BotProcess {
  /** The local chat's address, e.g. `http://127.0.0.1:40123`. */
  url: string;
  /** Everything it printed so far (for error messages). */
  output(): string;
  /** Ends the process and removes its data folder; safe to call twice. */
  stop(): Promise<void>;
}

/** The line main.ts prints once the local chat listens. */
const URL_LINE = /gradbot local chat: (http:\/\/127\.0\.0\.1:\d{2,5})/;

/**
 * Variables that would start a platform door or an access code from a teacher's `.env`: set
 * empty, so dotenv leaves them alone and the config reads them as unset.
 */
const CLEARED = ['TELEGRAM_BOT_TOKEN', 'TELEGRAM_API_ROOT', 'DISCORD_TOKEN', 'DISCORD_APP_ID', 'DISCORD_GUILD_ID', 'DISCORD_API_BASE', 'LOCAL_ACCESS_CODE'];

/** How the bot is started. */
export interface StartOptions {
  /** GRADBOT_LANG: the language of chats that have not chosen one (default en). */
  lang?: 'en' | 'ru';
  /** How long to wait for the printed address (default 90 s: a cold start on a busy machine). */
  startTimeoutMs?: number;
  /** Stops a start that is still waiting for the address (Ctrl+C): the process ends, the folder goes. */
  signal?: AbortSignal;
}

/** Starts gradbot and resolves once its local chat has printed its address. */
export async function startBot({ lang = 'en', startTimeoutMs = 90_000, signal }: StartOptions = {}): Promise<BotProcess> {
  signal?.throwIfAborted();
  const dataDir = await mkdtemp(join(tmpdir(), 'gradbot-pictures-'));
  // A child process needs the whole environment (PATH, HOME); only the bot's own variables change.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...Object.fromEntries(CLEARED.map((k) => [k, ''])),
    GRADBOT_DATA_DIR: dataDir,
    DATABASE_PATH: join(dataDir, 'gradbot.db'),
    GRADBOT_LANG: lang,
    LOCAL_CHAT: '1',
    LOCAL_HOST: '127.0.0.1',
    LOCAL_PORT: '0',
    HEALTH_PORT: '0',
    LOG_LEVEL: 'warn',
  };
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const keep = (chunk: Buffer): void => {
    out = (out + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = child.exitCode !== null;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      if (!exited) {
        child.kill('SIGTERM');
        const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exit;
        clearTimeout(force);
      }
      await rm(dataDir, { recursive: true, force: true });
    })());

  try {
    const url = await new Promise<string>((resolve, reject) => {
      const look = (): void => {
        const m = URL_LINE.exec(out);
        if (m?.[1] !== undefined) {
          done();
          resolve(m[1]);
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`gradbot printed no local chat address within ${startTimeoutMs / 1000} s. Its output:\n${out.slice(-3000)}`));
      }, startTimeoutMs);
      const onExit = (): void => {
        done();
        reject(new Error(`gradbot exited before its local chat listened. Its output:\n${out.slice(-3000)}`));
      };
      const onAbort = (): void => {
        done();
        reject(new Error('stopped before gradbot had started'));
      };
      const done = (): void => {
        clearTimeout(timer);
        child.stdout.off('data', look);
        child.off('exit', onExit);
        signal?.removeEventListener('abort', onAbort);
      };
      child.stdout.on('data', look);
      child.once('exit', onExit);
      signal?.addEventListener('abort', onAbort, { once: true });
      look();
    });
    return { url, output: () => out, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
