/**
 * The bot under test, started exactly as `npm start` starts it (`node --import tsx
 * src/main.ts`), plus the probe (./probe.ts) preloaded, with its data in a fresh temporary
 * folder and the local chat on a free loopback port. Its printed address is read from its
 * output; the probe talks over the IPC channel. `stop()` ends it (SIGTERM, then SIGKILL) and
 * removes the folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isProbeReply, type ProbeReply, type ProbeRequest } from './probe-protocol.js';

/** The repository root (src/loadtest/../..). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** How the child is started. */
export interface ChildOptions {
  /** The entry, relative to the repository root (default `src/main.ts`, what `npm start` runs). */
  entry?: string;
  /** Extra environment (the load test raises the rate limits; see ./run.ts). */
  env?: Record<string, string>;
  /** Preload the probe (default true); without it the command line is exactly `npm start`'s. */
  probe?: boolean;
  /** Write a CPU profile of the bot's main thread into this folder when it exits (`--cpu-prof`). */
  cpuProfileDir?: string;
  /** How long to wait for the printed address (default 60 s). */
  startTimeoutMs?: number;
}

/** A started bot. */
export interface BotChild {
  url: string;
  pid: number;
  dataDir: string;
  databasePath: string;
  /** Sends a probe request and waits for its reply. */
  probe<T extends ProbeReply['probe']>(req: ProbeRequest, expect: T): Promise<Extract<ProbeReply, { probe: T }>>;
  /** The output so far (stdout and stderr, interleaved; the last 200 kB). */
  output(): string;
  /** Resolves with the exit code or signal once the child has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** True once it has exited. */
  readonly dead: boolean;
  /** SIGTERM, then SIGKILL after `graceMs`; removes the data folder unless `keepData`. */
  stop(o?: { graceMs?: number; keepData?: boolean }): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** An address the bot prints when its local chat listens (plain text or a pino JSON line). */
const URL_RE = /http:\/\/127\.0\.0\.1:(\d{2,5})/;

/**
 * Variables that would start a platform door from a teacher's `.env`: set empty here, so dotenv
 * leaves them alone and the config reads them as unset (an empty value means "not set").
 */
const DOOR_VARIABLES = ['TELEGRAM_BOT_TOKEN', 'TELEGRAM_API_ROOT', 'DISCORD_TOKEN', 'DISCORD_APP_ID', 'DISCORD_GUILD_ID', 'DISCORD_API_BASE', 'LOCAL_ACCESS_CODE'];

/** Starts the bot and resolves once its local chat has printed its address. */
export async function startBotChild(o: ChildOptions = {}): Promise<BotChild> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gradbot-loadtest-'));
  const databasePath = join(dataDir, 'gradbot.db');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...Object.fromEntries(DOOR_VARIABLES.map((k) => [k, ''])),
    GRADBOT_DATA_DIR: dataDir,
    DATABASE_PATH: databasePath,
    LOCAL_CHAT: '1',
    LOCAL_HOST: '127.0.0.1',
    LOCAL_PORT: '0',
    HEALTH_PORT: '0',
    ...o.env,
  };
  const profile = o.cpuProfileDir !== undefined ? ['--cpu-prof', `--cpu-prof-dir=${o.cpuProfileDir}`] : [];
  const probe = o.probe === false ? [] : ['--import', './src/loadtest/probe.ts'];
  const child: ChildProcess = spawn(process.execPath, [...profile, '--import', 'tsx', ...probe, o.entry ?? 'src/main.ts'], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let out = '';
  let dead = false;
  const keep = (chunk: Buffer) => {
    out += chunk.toString('utf8');
    if (out.length > 200_000) out = out.slice(-200_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      dead = true;
      resolve({ code, signal });
    });
  });
  const replies: ProbeReply[] = [];
  const waiting = new Set<() => void>();
  child.on('message', (m: unknown) => {
    if (!isProbeReply(m)) return;
    replies.push(m);
    for (const w of [...waiting]) w();
  });

  const cleanup = () => rmSync(dataDir, { recursive: true, force: true });
  const timeoutMs = o.startTimeoutMs ?? 60_000;
  const url = await new Promise<string>((resolve, reject) => {
    const check = () => {
      const m = URL_RE.exec(out);
      if (m) {
        done();
        resolve(`http://127.0.0.1:${m[1]}`);
      }
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`the bot printed no local chat address within ${timeoutMs / 1000} s. Its output:\n${out.slice(-4000)}`));
    }, timeoutMs);
    const onExit = () => {
      done();
      reject(new Error(`the bot exited before its local chat listened. Its output:\n${out.slice(-4000)}`));
    };
    const done = () => {
      clearTimeout(timer);
      child.stdout?.off('data', check);
      child.stderr?.off('data', check);
      child.off('exit', onExit);
    };
    child.stdout?.on('data', check);
    child.stderr?.on('data', check);
    child.once('exit', onExit);
    check();
  }).catch(async (e: unknown) => {
    if (!dead) child.kill('SIGKILL');
    await exited;
    cleanup();
    throw e;
  });

  let stopping: Promise<{ code: number | null; signal: NodeJS.Signals | null }> | undefined;
  return {
    url,
    pid: child.pid ?? -1,
    dataDir,
    databasePath,
    get dead() {
      return dead;
    },
    exited,
    output: () => out,
    probe(req, expect) {
      type R = Extract<ProbeReply, { probe: typeof expect }>;
      const from = replies.length;
      return new Promise<R>((resolve, reject) => {
        const look = () => {
          for (let i = from; i < replies.length; i++) {
            const r = replies[i] as ProbeReply;
            if (r.probe === expect && (req.probe !== 'sample' || (r.probe === 'sample' && r.label === req.label))) {
              finish();
              resolve(r as R);
              return;
            }
          }
        };
        const timer = setTimeout(() => {
          finish();
          reject(new Error(`the probe did not answer "${req.probe}" within 10 s (is it preloaded?)`));
        }, 10_000);
        const finish = () => {
          clearTimeout(timer);
          waiting.delete(look);
        };
        waiting.add(look);
        if (dead || !child.connected) {
          finish();
          reject(new Error('the bot is not running'));
          return;
        }
        child.send(req);
        look();
      });
    },
    stop(so = {}) {
      stopping ??= (async () => {
        if (!dead) {
          child.kill('SIGTERM');
          const grace = setTimeout(() => {
            if (!dead) child.kill('SIGKILL');
          }, so.graceMs ?? 15_000);
          const r = await exited;
          clearTimeout(grace);
          if (!so.keepData) cleanup();
          return r;
        }
        const r = await exited;
        if (!so.keepData) cleanup();
        return r;
      })();
      return stopping;
    },
  };
}
