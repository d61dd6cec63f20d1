/**
 * The JSON shape of a message on the local chat's HTTP API (a contract: scripts, the load test
 * and the page read it). See ./README.md.
 */
import { toPlainText } from '../../bot/rich-text.js';
import type { Span } from '../../bot/types.js';
import type { StoredMessage } from './chat-log.js';

/** One styled piece of a message's text (the page builds elements from these, never HTML). */
export interface WireSpan {
  kind: 'text' | 'bold' | 'italic' | 'code' | 'pre';
  text: string;
}

/** A message as `GET /api/chats/{chatId}/messages` and the event stream give it. */
export interface WireMessage {
  /** The message id (its creation sequence number, as a string). */
  id: string;
  /** Sequence number of its latest change: pass the largest seen as `after`. */
  seq: number;
  from: { id: string; name: string; bot: boolean };
  /** Plain text (the rich text without styles). */
  text: string;
  /** The same text with its styles. */
  rich: WireSpan[];
  /** Picture URLs relative to the server (`/api/images/{id}.png`). */
  images: string[];
  /** Alt text per picture, in the order of `images`. */
  imageAlts: string[];
  /** Buttons in reading order; `row` is the 0-based row they sit in. */
  buttons: Array<{ id: string; label: string; row: number; style?: string; disabled?: boolean }>;
  /** Files: the bot's have a `url`; a user's upload shows name and size only. */
  files: Array<{ name: string; size: number; url?: string; truncated?: boolean }>;
  replyTo?: string;
  edited?: true;
  /** A private (ephemeral) message, shown only to `to`. */
  private?: true;
  to?: string;
  /** Creation time, ISO 8601. */
  at: string;
}

function wireSpan(s: Span): WireSpan {
  if (typeof s === 'string') return { kind: 'text', text: s };
  if ('bold' in s) return { kind: 'bold', text: s.bold };
  if ('italic' in s) return { kind: 'italic', text: s.italic };
  if ('code' in s) return { kind: 'code', text: s.code };
  return { kind: 'pre', text: s.pre };
}

/** The URL of a kept picture. */
export function imageUrl(blobId: string): string {
  return `/api/images/${blobId}.png`;
}

/** The URL of a kept file. */
export function fileUrl(blobId: string, name: string): string {
  return `/api/files/${blobId}/${encodeURIComponent(name)}`;
}

/** A stored message as JSON. */
export function toWire(m: StoredMessage): WireMessage {
  const out: WireMessage = {
    id: String(m.id),
    seq: m.seq,
    from: { id: m.from.id, name: m.from.name, bot: m.from.bot },
    text: toPlainText(m.text),
    rich: m.text.map(wireSpan),
    images: m.images.map((i) => imageUrl(i.blobId)),
    imageAlts: m.images.map((i) => i.alt ?? ''),
    buttons: m.buttons.flatMap((row, r) =>
      row.map((b) => ({
        id: b.id,
        label: b.label,
        row: r,
        ...(b.style !== undefined ? { style: b.style } : {}),
        ...(b.disabled === true ? { disabled: true } : {}),
      })),
    ),
    files: m.files.map((f) => ({
      name: f.name,
      size: f.size,
      ...(f.blobId !== undefined ? { url: fileUrl(f.blobId, f.name) } : {}),
      ...(f.truncated === true ? { truncated: true } : {}),
    })),
    at: new Date(m.at).toISOString(),
  };
  if (m.replyTo !== undefined) out.replyTo = String(m.replyTo);
  if (m.edited) out.edited = true;
  if (m.to !== undefined) {
    out.private = true;
    out.to = m.to;
  }
  return out;
}
