/**
 * The local chat's memory: every chat's messages since the server started, bounded, and the
 * change sequence the HTTP API's `after` watermark counts.
 *
 * Sequence numbers: one counter for the whole server, advanced by every change (a new message
 * or an edit). A new message's id IS the sequence number of its creation; an edit keeps the id
 * and gives the message a new `seq`, so it comes again after the watermark with its new
 * content. Reading "changes after w" therefore never misses anything, and passing a message id
 * as `after` returns everything that changed since that message was posted.
 *
 * Bounds: at most `messagesPerChat` messages per chat (the oldest go first), `chats` chats
 * (the least recently active chat without live listeners goes first) and `textChars`
 * characters of text in all (the oldest messages of the least recently active chats go first:
 * 200 chats of 500 messages of 4,096 characters would otherwise be most of a gigabyte).
 * Pictures and files are kept in ./blob-store.ts under their own bound.
 */
import { richTextLength } from '../../bot/rich-text.js';
import type { Button, ChatKind, RichText } from '../../bot/types.js';

/** Who posted a message. */
export interface Author {
  id: string;
  name: string;
  bot: boolean;
}

/** A file attached to a user's message or sent by the bot. */
export interface StoredFile {
  name: string;
  size: number;
  /** Blob id when the bytes are kept (bot files); user uploads are not served back. */
  blobId?: string;
  mime?: string;
  /** The upload was larger than the limit and was cut off. */
  truncated?: boolean;
}

/** One message as the local chat keeps it. */
export interface StoredMessage {
  /** Creation sequence number; never changes. */
  readonly id: number;
  /** Sequence number of the latest change (creation or edit). */
  seq: number;
  readonly chatId: string;
  readonly from: Author;
  text: RichText;
  images: Array<{ blobId: string; alt?: string }>;
  files: StoredFile[];
  buttons: Button[][];
  replyTo?: number;
  edited: boolean;
  /** A private (ephemeral) message: only this user sees it. */
  to?: string;
  /** Milliseconds since the epoch of the creation. */
  readonly at: number;
}

/** What a new message needs (the log assigns id, seq, time). */
export type NewMessage = Omit<StoredMessage, 'id' | 'seq' | 'chatId' | 'edited' | 'at'>;

/** The changeable part of a message. */
export type MessagePatch = Partial<Pick<StoredMessage, 'text' | 'images' | 'files' | 'buttons'>>;

/** Listens to one chat's changes. */
export interface ChatListener {
  /** The viewer, for private messages (undefined: private messages are not delivered). */
  readonly as: string | undefined;
  message(m: StoredMessage): void;
  typing(from: Author): void;
}

interface ChatState {
  readonly id: string;
  readonly kind: ChatKind;
  /** Insertion order is id order (ids grow), so the first entry is the oldest. */
  readonly messages: Map<number, StoredMessage>;
}

/** Limits of the log. */
export interface ChatLogLimits {
  messagesPerChat: number;
  chats: number;
  /** Characters of message text kept in all chats together (default: no bound). */
  textChars?: number;
}

/** What a message costs the text bound: its text and its author's name. */
function charsOf(m: StoredMessage): number {
  return richTextLength(m.text) + m.from.name.length + 16;
}

/** Thrown when a chat is posted to with another kind than it was created with. */
export class ChatKindMismatchError extends Error {
  constructor(
    readonly chatId: string,
    readonly kind: ChatKind,
  ) {
    super(`chat "${chatId}" is a ${kind} chat`);
    this.name = 'ChatKindMismatchError';
  }
}

/** Is the message visible to `viewer` (a user id, or undefined for an anonymous reader)? */
export function visibleTo(m: StoredMessage, viewer: string | undefined): boolean {
  return m.to === undefined || m.to === viewer;
}

/** The chats, their messages and the change sequence. */
export class ChatLog {
  private seq = 0;
  /** Least recently active first (re-inserted on activity). */
  private readonly chats = new Map<string, ChatState>();
  /** Listeners per chat id; a chat may be listened to before its first message. */
  private readonly listeners = new Map<string, Set<ChatListener>>();
  /** Characters kept (see `charsOf`), and what each message was counted at. */
  private chars = 0;
  private readonly counted = new WeakMap<StoredMessage, number>();

  constructor(
    private readonly limits: ChatLogLimits,
    private readonly now: () => number = Date.now,
    /** Told when a message leaves memory, so its pictures can go too. */
    private readonly onDrop: (m: StoredMessage) => void = () => {},
  ) {}

  /** The newest sequence number handed out (0 before the first change). */
  get watermark(): number {
    return this.seq;
  }

  /** The chat's kind, or undefined when the chat has not been created. */
  kindOf(chatId: string): ChatKind | undefined {
    return this.chats.get(chatId)?.kind;
  }

  /** Creates the chat on first sight; a chat keeps the kind it was created with. */
  ensure(chatId: string, kind: ChatKind): void {
    const chat = this.chats.get(chatId);
    if (chat) {
      if (chat.kind !== kind) throw new ChatKindMismatchError(chatId, chat.kind);
      this.touch(chat);
      return;
    }
    this.chats.set(chatId, { id: chatId, kind, messages: new Map() });
    this.evictChats();
  }

  /** Adds a message to an existing chat and tells its listeners. */
  post(chatId: string, m: NewMessage): StoredMessage {
    const chat = this.require(chatId);
    const seq = ++this.seq;
    const stored: StoredMessage = { ...m, id: seq, seq, chatId, edited: false, at: this.now() };
    chat.messages.set(seq, stored);
    this.count(stored);
    while (chat.messages.size > this.limits.messagesPerChat) this.dropOldest(chat);
    this.touch(chat);
    this.trimText(stored);
    this.emit(chat, stored);
    return stored;
  }

  /**
   * Changes a message: it gets a new sequence number (so it comes again after any older
   * watermark) and `edited: true`. Returns undefined when the message is not (or no longer) kept.
   */
  edit(chatId: string, id: number, patch: MessagePatch): StoredMessage | undefined {
    const chat = this.chats.get(chatId);
    const m = chat?.messages.get(id);
    if (!chat || !m) return undefined;
    if (patch.text !== undefined) m.text = patch.text;
    if (patch.images !== undefined) m.images = patch.images;
    if (patch.files !== undefined) m.files = patch.files;
    if (patch.buttons !== undefined) m.buttons = patch.buttons;
    m.seq = ++this.seq;
    m.edited = true;
    this.count(m);
    this.touch(chat);
    this.trimText(m);
    this.emit(chat, m);
    return m;
  }

  /** One message of a chat. */
  get(chatId: string, id: number): StoredMessage | undefined {
    return this.chats.get(chatId)?.messages.get(id);
  }

  /** The whole kept history visible to `viewer`, oldest first (by id), each at its latest content. */
  history(chatId: string, viewer: string | undefined): StoredMessage[] {
    const chat = this.chats.get(chatId);
    if (!chat) return [];
    return [...chat.messages.values()].filter((m) => visibleTo(m, viewer));
  }

  /** The messages that changed after `watermark`, in the order of their latest change. */
  changesAfter(chatId: string, watermark: number, viewer: string | undefined): StoredMessage[] {
    const chat = this.chats.get(chatId);
    if (!chat) return [];
    return [...chat.messages.values()].filter((m) => m.seq > watermark && visibleTo(m, viewer)).sort((a, b) => a.seq - b.seq);
  }

  /** Tells listeners that someone (the bot) is typing. */
  typing(chatId: string, from: Author): void {
    for (const l of this.listeners.get(chatId) ?? []) {
      try {
        l.typing(from);
      } catch {
        // As in emit: one broken stream does not matter to the others.
      }
    }
  }

  /** Listens to a chat (created or not yet); returns the function that stops listening. */
  listen(chatId: string, listener: ChatListener): () => void {
    let set = this.listeners.get(chatId);
    if (!set) this.listeners.set(chatId, (set = new Set()));
    set.add(listener);
    return () => {
      const current = this.listeners.get(chatId);
      current?.delete(listener);
      if (current?.size === 0) this.listeners.delete(chatId);
    };
  }

  /** How many chats are kept (for tests and stats). */
  get chatCount(): number {
    return this.chats.size;
  }

  /** Characters of text kept, as the `textChars` bound counts them (for tests and stats). */
  get textChars(): number {
    return this.chars;
  }

  /** (Re)counts a message's characters after it was added or changed. */
  private count(m: StoredMessage): void {
    const now = charsOf(m);
    this.chars += now - (this.counted.get(m) ?? 0);
    this.counted.set(m, now);
  }

  private forget(m: StoredMessage): void {
    this.chars -= this.counted.get(m) ?? 0;
    this.counted.delete(m);
    this.onDrop(m);
  }

  private dropOldest(chat: ChatState): void {
    const first = chat.messages.entries().next();
    if (first.done === true) return;
    const [id, oldest] = first.value;
    chat.messages.delete(id);
    this.forget(oldest);
  }

  /** Drops the oldest messages of the least recently active chats until the text fits; `keep` stays. */
  private trimText(keep: StoredMessage): void {
    const max = this.limits.textChars;
    if (max === undefined) return;
    for (const chat of this.chats.values()) {
      while (this.chars > max && chat.messages.size > 0) {
        const oldest = chat.messages.values().next().value as StoredMessage;
        if (oldest === keep) break;
        this.dropOldest(chat);
      }
      if (this.chars <= max) return;
    }
  }

  private require(chatId: string): ChatState {
    const chat = this.chats.get(chatId);
    if (!chat) throw new Error(`chat "${chatId}" does not exist`);
    return chat;
  }

  private touch(chat: ChatState): void {
    this.chats.delete(chat.id);
    this.chats.set(chat.id, chat);
  }

  private evictChats(): void {
    if (this.chats.size <= this.limits.chats) return;
    for (const chat of this.chats.values()) {
      if (this.chats.size <= this.limits.chats) break;
      if (this.listeners.has(chat.id)) continue; // someone is watching it: keep it
      this.chats.delete(chat.id);
      for (const m of chat.messages.values()) this.forget(m);
    }
  }

  private emit(chat: ChatState, m: StoredMessage): void {
    for (const l of this.listeners.get(chat.id) ?? []) {
      if (!visibleTo(m, l.as)) continue;
      try {
        l.message(m);
      } catch {
        // A listener is a network stream; one that breaks must not keep the others from the news.
      }
    }
  }
}
