/**
 * A fake door for testing bot commands without a chat platform: an in-memory `Replier` that
 * records every message sent or edited, helpers that send a command, a plain text or a button
 * press as a given user in a given chat, the real SQLite store in memory, a real worker pool,
 * a silent logger that keeps what was logged, and a movable clock that drives the bot's timers.
 *
 * ```ts
 * import { createHarness, type Harness } from '../harness.js';
 * let h: Harness;
 * beforeEach(async () => { h = await createHarness({ commands: [command] }); });
 * afterEach(async () => { await h.close(); });
 *
 * it('answers', async () => {
 *   const alice = h.user('u1', 'Alice', 'ru');
 *   const r = await h.command('/quiz backprop 2', { user: alice, chat: h.group('g1') });
 *   expect(r.text).toContain('backprop:');
 *   const r2 = await h.press('B', { user: alice, chat: h.group('g1') }); // a button by label
 *   expect(r2.text.startsWith('✅')).toBe(true);
 *   await h.clock.advance(30_000); // fires round timers, progress edits...
 * });
 * ```
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../src/config.js';
import { createBot, type CreateBotOptions } from '../../src/bot/bot.js';
import type { BotCommand } from '../../src/bot/command.js';
import { splitCommandLine } from '../../src/bot/command-line.js';
import { toPlainText } from '../../src/bot/rich-text.js';
import type { Scheduler } from '../../src/bot/runtime.js';
import type { BotServices } from '../../src/bot/services.js';
import { MemoryLog } from '../helpers/memory-log.js';
import type {
  Attachment,
  Bot,
  Button,
  ChatKind,
  ChatRef,
  DoorCaps,
  DoorId,
  MessageRef,
  OutMessage,
  Replier,
  UserRef,
} from '../../src/bot/types.js';
import { createPool, type WorkerPool } from '../../src/jobs/pool.js';
import type { ParsedOptions } from '../../src/options/types.js';
import { ModelCache } from '../../src/spells/model-cache.js';
import { poolRunner, SpellService } from '../../src/spells/service.js';
import { openStore, type Store } from '../../src/store/index.js';

/** 2026-01-15 12:00 UTC, a Thursday: where every harness clock starts unless told otherwise. */
export const HARNESS_EPOCH = Date.UTC(2026, 0, 15, 12, 0, 0);

/**
 * A clock tests move by hand, and the scheduler the bot's timers run on (progress edits,
 * `ctx.runtime.setTimeout`). Real time does not move it.
 */
export class FakeClock implements Scheduler {
  private t: number;
  private seq = 0;
  private readonly timers = new Map<number, { at: number; fn: () => void }>();

  constructor(start = HARNESS_EPOCH) {
    this.t = start;
  }

  /** Milliseconds since the epoch (the bot's `services.now()`). */
  now(): number {
    return this.t;
  }

  setTimeout(fn: () => void, ms: number): () => void {
    const id = this.seq++;
    this.timers.set(id, { at: this.t + Math.max(0, ms), fn });
    return () => {
      this.timers.delete(id);
    };
  }

  /** Timers waiting to fire. */
  get pending(): number {
    return this.timers.size;
  }

  /**
   * Moves time forward by `ms`, firing due timers in time order (each sees `now()` at its own
   * due time) and letting promises settle after each, so async work they start runs too.
   */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    await settle();
    for (;;) {
      let next: [number, { at: number; fn: () => void }] | undefined;
      for (const e of this.timers) if (e[1].at <= end && (!next || e[1].at < next[1].at || (e[1].at === next[1].at && e[0] < next[0]))) next = e;
      if (!next) break;
      this.timers.delete(next[0]);
      this.t = Math.max(this.t, next[1].at);
      next[1].fn();
      await settle();
    }
    this.t = end;
    await settle();
  }
}

/** Lets pending promise callbacks and immediate I/O callbacks run (a few event-loop turns). */
export async function settle(turns = 5): Promise<void> {
  for (let k = 0; k < turns; k++) await new Promise<void>((r) => setImmediate(r));
}

export { MemoryLog, type LogEntry } from '../helpers/memory-log.js';

/** One message the bot sent through the fake door. */
export interface Sent {
  /** The door's message id (`m1`, `m2`... in sending order). */
  id: string;
  ref: MessageRef;
  chat: ChatRef;
  /** Whose request the replier answered (a private message is meant for this user). */
  to: UserRef;
  /** The current content (after edits). */
  message: OutMessage;
  /** The plain text of the current content. */
  text: string;
  /** Every content it had, the first send included: `versions.length - 1` edits. */
  versions: OutMessage[];
  /** `message.private === true`. */
  private: boolean;
  /** Clock time of the send and of the last edit. */
  sentAt: number;
  editedAt?: number;
}

/** What one harness call produced. */
export interface Reply {
  /** Messages sent during the call, in order. */
  sent: Sent[];
  /** Messages edited during the call (sent earlier or in this call). */
  edited: Sent[];
  /** The plain text of every message sent during the call, joined by a blank line. */
  text: string;
  /** Every button of the messages sent during the call, in order. */
  buttons: Button[];
}

/** Who sends and where. */
export interface As {
  user: UserRef;
  chat: ChatRef;
  /** What `isAdmin()` answers in a group (default false; private chats are always true). */
  admin?: boolean;
  /** The bot message this one replies to. */
  replyTo?: MessageRef | Sent;
}

/** Harness options; everything has a default. */
export interface HarnessOptions {
  /** The commands (default: the registry). */
  commands?: readonly BotCommand[];
  /** The door's capabilities (default: Telegram-like limits, ephemeral replies, 1 s between edits). */
  caps?: Partial<DoorCaps>;
  /** Which door the chats belong to (default 'local'). */
  door?: DoorId;
  /** Configuration overrides on top of the defaults of an empty environment. */
  config?: Partial<Config>;
  /** Start time of the clock (default HARNESS_EPOCH). */
  now?: number;
  /** A store to use instead of a fresh `openStore(':memory:')` (closed with the harness either way). */
  store?: Store;
  /** A pool to use instead of a fresh one-thread pool (closed with the harness either way). */
  pool?: WorkerPool;
  /** Other createBot options (limits, close timeout, action TTL). The scheduler is the clock. */
  bot?: Omit<CreateBotOptions, 'commands' | 'scheduler'>;
  /** Makes the door's send or edit fail (to test error paths): return an Error to throw. */
  fail?: (op: 'send' | 'edit', msg: OutMessage) => Error | undefined;
  /** The same for sends and edits alike (kept for the tests that use it). */
  failSend?: (msg: OutMessage) => Error | undefined;
}

/** The default capabilities: Telegram's text limits, with real ephemeral replies. */
export const DEFAULT_CAPS: DoorCaps = {
  ephemeral: true,
  nativeQuizPolls: false,
  maxText: 4096,
  maxCaption: 1024,
  minEditIntervalMs: () => 1000,
  maxDownloadBytes: 20 * 1024 * 1024,
};

/** The harness: the bot, its services, the fake door's records and helpers. */
export interface Harness {
  readonly bot: Bot;
  readonly services: BotServices;
  readonly store: Store;
  readonly pool: WorkerPool;
  readonly clock: FakeClock;
  readonly log: MemoryLog;
  readonly caps: DoorCaps;
  readonly config: Config;
  /** Every message sent so far, in order. */
  readonly sent: readonly Sent[];
  /** Counts of `typing()` and `defer()` calls and closed polls. */
  readonly calls: { typing: number; defer: number; closePoll: MessageRef[] };
  /** A user (locale optional: `ru`, `en-GB`...). */
  user(id: string, name?: string, locale?: string): UserRef;
  /** A group chat of the harness's door. */
  group(id?: string): ChatRef;
  /** The private chat of a user (its id is the user's id). */
  privateChat(user: UserRef | string): ChatRef;
  /** Any chat. */
  chat(id: string, kind: ChatKind): ChatRef;
  /** A file attachment; `declaredSize` defaults to the real size. */
  attachment(name: string, bytes: Uint8Array | string, opts?: { declaredSize?: number; mime?: string }): Attachment;
  /**
   * Types a command line (`/quiz backprop 2`) as `as.user` in `as.chat`; resolves when the
   * bot's handler finished.
   */
  command(line: string, as: As, extra?: { attachments?: Attachment[] }): Promise<Reply>;
  /** Invokes a command with structured options, as Discord does. */
  invoke(name: string, options: ParsedOptions, as: As, extra?: { attachments?: Attachment[] }): Promise<Reply>;
  /** Sends a plain message (not a command). */
  text(text: string, as: As, extra?: { attachments?: Attachment[] }): Promise<Reply>;
  /**
   * Presses a button: by its action id, by the Button, or by its label (the newest message in
   * `as.chat` with a button of that label). Throws when no such button exists.
   */
  press(button: string | Button, as: As): Promise<Reply>;
  /** Presses an arbitrary action id (a forged or expired one). */
  pressId(actionId: string, as: As, message?: MessageRef): Promise<Reply>;
  /** Messages sent in a chat (all chats when omitted). */
  messages(chat?: ChatRef): Sent[];
  /** The newest message in a chat (any chat when omitted). */
  last(chat?: ChatRef): Sent | undefined;
  /** Closes the bot, then the pool and the store, and removes the temp folder. */
  close(): Promise<void>;
}

const toRef = (r: MessageRef | Sent): MessageRef => ('ref' in r ? r.ref : r);

/** Creates a harness with a fresh in-memory store and a real one-thread worker pool. */
export async function createHarness(opts: HarnessOptions = {}): Promise<Harness> {
  const clock = new FakeClock(opts.now ?? HARNESS_EPOCH);
  const log = new MemoryLog();
  const door: DoorId = opts.door ?? 'local';
  const dataDir = mkdtempSync(join(tmpdir(), 'gradbot-harness-'));
  const config: Config = { ...loadConfig({ GRADBOT_DATA_DIR: dataDir, DATABASE_PATH: ':memory:' }), ...opts.config };
  const store = opts.store ?? openStore(':memory:');
  const pool = opts.pool ?? createPool({ threads: 1, timeoutMs: 30_000 });
  const spells = new SpellService({ cache: new ModelCache(dataDir), runner: poolRunner(pool) });
  const services: BotServices = { config, store, pool, spells, log, now: () => clock.now() };
  const caps: DoorCaps = { ...DEFAULT_CAPS, ...opts.caps };
  const bot = createBot(services, { ...opts.bot, ...(opts.commands ? { commands: opts.commands } : {}), scheduler: clock });

  const sent: Sent[] = [];
  const byId = new Map<string, Sent>();
  const calls = { typing: 0, defer: 0, closePoll: [] as MessageRef[] };
  let nextId = 1;
  let editLog: Sent[] = [];

  function replier(chat: ChatRef, to: UserRef): Replier {
    return {
      caps,
      async send(msg) {
        const err = opts.fail?.('send', msg) ?? opts.failSend?.(msg);
        if (err) throw err;
        const id = `m${nextId++}`;
        const ref: MessageRef = { chat, id };
        const s: Sent = { id, ref, chat, to, message: msg, text: toPlainText(msg.text), versions: [msg], private: msg.private === true, sentAt: clock.now() };
        sent.push(s);
        byId.set(id, s);
        return ref;
      },
      async edit(ref, msg) {
        const err = opts.fail?.('edit', msg) ?? opts.failSend?.(msg);
        if (err) throw err;
        const s = byId.get(ref.id);
        if (!s) throw new Error(`harness: no message ${ref.id} to edit`);
        s.message = msg;
        s.text = toPlainText(msg.text);
        s.versions.push(msg);
        s.editedAt = clock.now();
        editLog.push(s);
      },
      async typing() {
        calls.typing++;
      },
      async defer() {
        calls.defer++;
      },
      async closePoll(ref) {
        calls.closePoll.push(ref);
      },
    };
  }

  async function collect(run: () => Promise<void>): Promise<Reply> {
    const from = sent.length;
    editLog = [];
    await run();
    await settle(2);
    const mine = sent.slice(from);
    return {
      sent: mine,
      edited: [...new Set(editLog)],
      text: mine.map((s) => s.text).join('\n\n'),
      buttons: mine.flatMap((s) => (s.message.buttons ?? []).flat()),
    };
  }

  const isAdminFor = (as: As) => async () => as.admin === true;

  function findButton(label: string, chat: ChatRef): Button {
    for (let k = sent.length - 1; k >= 0; k--) {
      const s = sent[k] as Sent;
      if (s.chat.id !== chat.id || s.chat.door !== chat.door) continue;
      const btn = (s.message.buttons ?? []).flat().find((b) => b.label === label || b.id === label);
      if (btn) return btn;
    }
    throw new Error(`harness: no button "${label}" in chat ${chat.id}`);
  }

  function messageOf(actionId: string): MessageRef | undefined {
    for (let k = sent.length - 1; k >= 0; k--) {
      const s = sent[k] as Sent;
      if ((s.message.buttons ?? []).flat().some((b) => b.id === actionId)) return s.ref;
    }
    return undefined;
  }

  const h: Harness = {
    bot,
    services,
    store,
    pool,
    clock,
    log,
    caps,
    config,
    sent,
    calls,
    user: (id, name = `User ${id}`, locale) => ({ id, name, ...(locale !== undefined ? { locale } : {}) }),
    group: (id = 'g1') => ({ door, id, kind: 'group' }),
    privateChat: (user) => ({ door, id: typeof user === 'string' ? user : user.id, kind: 'private' }),
    chat: (id, kind) => ({ door, id, kind }),
    attachment(name, bytes, o = {}) {
      const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
      return {
        name,
        declaredSize: o.declaredSize ?? data.byteLength,
        ...(o.mime !== undefined ? { mime: o.mime } : {}),
        async download(maxBytes: number) {
          return data.byteLength > maxBytes ? data.slice(0, maxBytes) : data;
        },
      };
    },
    command(line, as, extra = {}) {
      const parsed = splitCommandLine(line);
      if (!parsed) throw new Error(`harness: "${line}" is not a command line`);
      return collect(() =>
        bot.command({
          chat: as.chat,
          user: as.user,
          command: parsed.command,
          args: parsed.args,
          attachments: extra.attachments ?? [],
          message: { chat: as.chat, id: `u${nextId++}` },
          ...(as.replyTo ? { replyTo: toRef(as.replyTo) } : {}),
          isAdmin: isAdminFor(as),
          reply: replier(as.chat, as.user),
        }),
      );
    },
    invoke(name, options, as, extra = {}) {
      return collect(() =>
        bot.command({
          chat: as.chat,
          user: as.user,
          command: name,
          options,
          attachments: extra.attachments ?? [],
          isAdmin: isAdminFor(as),
          reply: replier(as.chat, as.user),
        }),
      );
    },
    text(text, as, extra = {}) {
      return collect(() =>
        bot.text({
          chat: as.chat,
          user: as.user,
          text,
          attachments: extra.attachments ?? [],
          message: { chat: as.chat, id: `u${nextId++}` },
          ...(as.replyTo ? { replyTo: toRef(as.replyTo) } : {}),
          isAdmin: isAdminFor(as),
          reply: replier(as.chat, as.user),
        }),
      );
    },
    press(button, as) {
      const btn = typeof button === 'string' ? findButton(button, as.chat) : button;
      return h.pressId(btn.id, as, messageOf(btn.id));
    },
    pressId(actionId, as, message) {
      return collect(() =>
        bot.action({
          chat: as.chat,
          user: as.user,
          actionId,
          ...(message ? { message } : {}),
          isAdmin: isAdminFor(as),
          reply: replier(as.chat, as.user),
        }),
      );
    },
    messages: (chat) => sent.filter((s) => !chat || (s.chat.id === chat.id && s.chat.door === chat.door)),
    last(chat) {
      const list = h.messages(chat);
      return list[list.length - 1];
    },
    async close() {
      await bot.close();
      await pool.close();
      store.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return h;
}
