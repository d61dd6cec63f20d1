/**
 * Button data kept server-side. A button carries only a short opaque id; what it means (the
 * command and handler, the option index, the question) stays here, so a forged or replayed
 * press cannot score anything. Ids look like `a1k9f3xq`: a base36 counter (unique in this
 * process) and random characters from node:crypto (unguessable across restarts and chats).
 * Telegram allows 64 bytes of callback data and Discord 100 characters; ids stay under 20.
 */
import { randomBytes } from 'node:crypto';
import type { JsonValue } from './command.js';
import type { ChatRef } from './types.js';

/** One stored action. */
export interface StoredAction {
  command: string;
  name: string;
  data: JsonValue;
  /** `<door>:<chatId>`: a press from another chat is treated as unknown. */
  chat: string;
  expiresAt: number;
}

export interface ActionStoreOptions {
  /** Default time to live (default 24 h: a question may be answered the next morning). */
  ttlMs?: number;
  /** Most actions kept; the oldest are dropped first (default 50 000). */
  maxEntries?: number;
  now(): number;
}

export const DEFAULT_ACTION_TTL_MS = 24 * 60 * 60 * 1000;

const chatId = (c: ChatRef) => `${c.door}:${c.id}`;

/** A bounded, expiring map of action ids to their data. */
export class ActionStore {
  private readonly map = new Map<string, StoredAction>();
  private counter = 0;
  private readonly ttlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;

  constructor(opts: ActionStoreOptions) {
    this.ttlMs = opts.ttlMs ?? DEFAULT_ACTION_TTL_MS;
    this.maxEntries = Math.max(1, opts.maxEntries ?? 50_000);
    this.now = opts.now;
  }

  /** Stores the data and returns its new id. */
  put(chat: ChatRef, command: string, name: string, data: JsonValue, ttlMs = this.ttlMs): string {
    const id = `a${(this.counter++).toString(36)}${randomBytes(4).readUInt32BE(0).toString(36).padStart(7, '0').slice(0, 6)}`;
    this.map.set(id, { command, name, data, chat: chatId(chat), expiresAt: this.now() + ttlMs });
    while (this.map.size > this.maxEntries) {
      const oldest = this.map.keys().next();
      if (oldest.done) break;
      this.map.delete(oldest.value);
    }
    return id;
  }

  /** The action behind an id pressed in `chat`, or undefined when unknown, expired or foreign. */
  get(id: string, chat: ChatRef): StoredAction | undefined {
    const a = this.map.get(id);
    if (!a) return undefined;
    if (a.expiresAt <= this.now()) {
      this.map.delete(id);
      return undefined;
    }
    return a.chat === chatId(chat) ? a : undefined;
  }

  /** Forgets an id (a one-shot button). */
  delete(id: string): void {
    this.map.delete(id);
  }

  get size(): number {
    return this.map.size;
  }
}
