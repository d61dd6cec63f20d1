/**
 * Starts the local door on 127.0.0.1 with a free port and a fake bot, and gives small HTTP
 * helpers for its API.
 */
import { loadConfig, type Config } from '../../../src/config.js';
export { MemoryLog } from '../../helpers/memory-log.js';
import { MemoryLog } from '../../helpers/memory-log.js';
import type { Bot } from '../../../src/bot/types.js';
import { startLocalDoor, type LocalServerOptions, type RunningLocalDoor, type WireMessage } from '../../../src/adapters/local/index.js';

/** A Log that keeps every entry (tests check what reached the log). */
export function memoryLog(): MemoryLog {
  return new MemoryLog();
}

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ LOCAL_PORT: '0', GRADBOT_DATA_DIR: '/nonexistent-gradbot-test', ...env });
}

export interface Door {
  door: RunningLocalDoor;
  url: string;
  log: MemoryLog;
  /** POST JSON to a path; returns status and parsed body. */
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }>;
  get(path: string, headers?: Record<string, string>): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }>;
  /** The messages of a chat (`query` e.g. `?as=u1`). */
  messages(chatId: string, query?: string): Promise<WireMessage[]>;
  /** Waits until the chat's messages satisfy `pred`; returns them. */
  waitFor(chatId: string, pred: (ms: WireMessage[]) => boolean, query?: string): Promise<WireMessage[]>;
  /** Posts a message as a user and returns the new message id. */
  say(chatId: string, text: string, extra?: Record<string, unknown>): Promise<string>;
}

export async function startDoor(bot: Bot, env: Record<string, string> = {}, options: LocalServerOptions = {}): Promise<Door> {
  const log = memoryLog();
  const config = testConfig(env);
  const door = await startLocalDoor({ config, bot, log }, options);
  const url = door.url;
  const parse = async (res: Response) => {
    const text = await res.text();
    let body: Record<string, unknown> = {};
    try {
      body = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
    } catch {
      body = { raw: text };
    }
    return { status: res.status, body, headers: res.headers };
  };
  const d: Door = {
    door,
    url,
    log,
    async post(path, body, headers = {}) {
      const res = await fetch(url + path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
      return parse(res);
    },
    async get(path, headers = {}) {
      return parse(await fetch(url + path, { headers }));
    },
    async messages(chatId, query = '') {
      const r = await d.get(`/api/chats/${chatId}/messages${query}`);
      if (r.status !== 200) throw new Error(`GET messages: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body.messages as WireMessage[];
    },
    async waitFor(chatId, pred, query = '') {
      const deadline = Date.now() + 5000;
      for (;;) {
        const ms = await d.messages(chatId, query);
        if (pred(ms)) return ms;
        if (Date.now() > deadline) throw new Error(`timed out; messages: ${JSON.stringify(ms.map((m) => m.text))}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    async say(chatId, text, extra = {}) {
      const r = await d.post(`/api/chats/${chatId}/messages`, { from: { id: 'u1', name: 'Ann' }, text, chatKind: 'group', ...extra });
      if (r.status !== 202) throw new Error(`POST message: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body.id as string;
    },
  };
  return d;
}
