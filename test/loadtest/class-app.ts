/**
 * gradbot started in-process the way `npm start` starts it (loadConfig -> src/app.ts's
 * startApp) with the local chat on a free loopback port, a temporary data folder and a log
 * that keeps what was logged; and the load test's HTTP client pointed at it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type RunningApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { MemoryLog } from '../helpers/memory-log.js';
import { ChatClient } from '../../src/loadtest/chat-client.js';

/** A log that keeps every entry (errors are checked by the tests). */
export class KeptLog extends MemoryLog {
  /** Messages of the error entries. */
  errors(): string[] {
    return this.entries.filter((e) => e.level === 'error').map((e) => `${e.msg ?? ''} ${JSON.stringify(e.obj).slice(0, 300)}`);
  }
}

/** A started app with its client. */
export interface ClassApp {
  app: RunningApp;
  client: ChatClient;
  log: KeptLog;
  dir: string;
  databasePath: string;
  stop(): Promise<void>;
}

/** Starts gradbot with the local chat; `env` adds or overrides variables. */
export async function startClassApp(env: Record<string, string> = {}): Promise<ClassApp> {
  const dir = mkdtempSync(join(tmpdir(), 'gradbot-class-'));
  const databasePath = join(dir, 'gradbot.db');
  const log = new KeptLog();
  const config = loadConfig({
    GRADBOT_DATA_DIR: dir,
    DATABASE_PATH: databasePath,
    LOCAL_PORT: '0',
    HEALTH_PORT: '0',
    GRADBOT_WORKERS: '1',
    GRADBOT_LANG: 'ru',
    ...env,
  });
  const app = await startApp(config, log);
  if (app.localUrl === undefined) throw new Error('the local chat did not start');
  return {
    app,
    client: new ChatClient(app.localUrl),
    log,
    dir,
    databasePath,
    async stop() {
      await app.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
