/**
 * What the door remembers about the messages it sent for one OutMessage (a photo, the text that
 * followed it, an album...), so an edit can change each of them in place, and a reply to any of
 * them reaches the bot as a reply to the message the bot knows (the first one).
 * Forgotten after a while or a restart; an edit of a forgotten message is tried as a text edit.
 */
import { BoundedMap } from './bounded-map.js';

/** One Telegram message of a sent OutMessage, with what it shows now. */
export interface SentPart {
  kind: 'text' | 'photo' | 'document' | 'poll';
  messageId: number;
  /** Text or caption HTML as sent (undefined: not known). */
  html?: string | undefined;
  /** The keyboard as JSON ('' for none). */
  markup?: string;
  /** Fingerprint of a photo's or document's bytes. */
  hash?: string;
  /** Album number for album members. */
  album?: number | undefined;
}

/** The Telegram messages one OutMessage became, first one first. */
export interface SentRecord {
  chatId: number;
  parts: SentPart[];
}

const MAX_RECORDS = 20_000;
const TTL_MS = 7 * 24 * 60 * 60 * 1000;

/** Sent message groups and the aliases of their later messages, bounded in size and age. */
export class SentMessages {
  private readonly records = new BoundedMap<string, SentRecord>(MAX_RECORDS, TTL_MS);
  /** `chat:message` of a later part -> the first part's message id. */
  private readonly aliases = new BoundedMap<string, number>(MAX_RECORDS * 2, TTL_MS);

  /** Stores a sent message group under its first message's id. */
  remember(record: SentRecord): void {
    const [first] = record.parts;
    if (first === undefined) return;
    this.records.set(key(record.chatId, first.messageId), record);
    for (const p of record.parts.slice(1)) this.aliases.set(key(record.chatId, p.messageId), first.messageId);
  }

  /** The record behind the message the bot refers to by its first id. */
  get(chatId: number, messageId: number): SentRecord | undefined {
    return this.records.get(key(chatId, messageId));
  }

  /** The id the bot knows for any message of a group (the first one's); other ids unchanged. */
  primaryId(chatId: number, messageId: number): number {
    return this.aliases.get(key(chatId, messageId)) ?? messageId;
  }

  /** Forgets a message that was deleted. */
  forgetPart(chatId: number, messageId: number): void {
    this.aliases.delete(key(chatId, messageId));
  }

  /** Forgets everything about a chat (the bot was removed from it). */
  forgetChat(chatId: number): void {
    const prefix = `${chatId}:`;
    this.records.deleteWhere((k) => k.startsWith(prefix));
    this.aliases.deleteWhere((k) => k.startsWith(prefix));
  }
}

function key(chatId: number, messageId: number): string {
  return `${chatId}:${messageId}`;
}
