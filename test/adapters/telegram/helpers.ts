/**
 * Shared pieces of the Telegram door tests: a recording logger, a scripted fake Bot (the bot
 * layer's interface, so the door can be tested on its own), users and chats.
 */
import type { Bot, BotAction, BotRequest, BotText, CommandDefinition } from '../../../src/bot/types.js';
import { MemoryLog } from '../../helpers/memory-log.js';
import type { FakeChat, FakeUser } from './fake-bot-api.js';

export const TOKEN = '123456789:TEST-token_for-the-fake_server';

export const ANNA: FakeUser = { id: 501, first_name: 'Anna', last_name: 'Petrova', language_code: 'ru' };
export const BORIS: FakeUser = { id: 502, first_name: 'Boris', username: 'boris_k', language_code: 'en' };
export const VERA: FakeUser = { id: 503, first_name: 'Vera', language_code: 'ru' };

export const GROUP: FakeChat = { id: -1001234567890, type: 'supergroup', title: 'NN course' };
export const GROUP_B: FakeChat = { id: -1009876543210, type: 'supergroup', title: 'Other class' };
export const privateChat = (u: FakeUser): FakeChat => ({ id: u.id, type: 'private', first_name: u.first_name });

/** A Log that keeps every line (to check what was logged, and that no token was). */
export class RecordingLog extends MemoryLog {
  /** The entries under the name these tests use. */
  get lines(): MemoryLog['entries'] {
    return this.entries;
  }
  /** Everything logged, as one string (errors serialised with message and stack). */
  dump(): string {
    return JSON.stringify(this.lines, (_k, v: unknown) => (v instanceof Error ? { name: v.name, message: v.message, stack: v.stack } : v));
  }
}

type Handler<T> = (x: T) => Promise<void>;

/** A Bot whose behaviour each test scripts; it records what the door handed it. */
export class ScriptedBot implements Bot {
  readonly requests: BotRequest[] = [];
  readonly actions: BotAction[] = [];
  readonly texts: BotText[] = [];
  onCommand: Record<string, Handler<BotRequest>> = {};
  onAction: Handler<BotAction> = async () => {};
  onText: Handler<BotText> = async () => {};
  closed = false;

  constructor(readonly commands: readonly CommandDefinition[]) {}

  async command(req: BotRequest): Promise<void> {
    this.requests.push(req);
    const h = this.onCommand[req.command];
    if (h === undefined) {
      await req.reply.send({ text: [`unknown /${req.command}`] });
      return;
    }
    await h(req);
  }

  async action(act: BotAction): Promise<void> {
    this.actions.push(act);
    await this.onAction(act);
  }

  async text(msg: BotText): Promise<void> {
    this.texts.push(msg);
    await this.onText(msg);
  }

  autocomplete(): Array<{ value: string; label: string }> {
    return [];
  }

  langFor(): 'en' | 'ru' {
    return 'en';
  }

  async close(): Promise<void> {
    this.closed = true;
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Waits until `pred` holds (polling), or fails with `what`. */
export async function until(pred: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pred()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** A small PNG-looking payload (the door never decodes it). */
export function fakePng(tag: string): { png: Uint8Array; name: string } {
  const head = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return { png: new Uint8Array(Buffer.concat([head, Buffer.from(tag)])), name: `${tag}.png` };
}
