/**
 * RichText -> Telegram's HTML parse mode. Every span's text is escaped (`&`, `<`, `>`), so user
 * data (CSV headers, spell names, display names) can never open a tag, a link or a styled run;
 * only this module writes tags, and only the four the span styles name.
 *
 * Mentions: Telegram turns `@name` (5+ letters) in a message into a mention entity and notifies
 * that user, also in messages a bot sends. A word joiner (U+2060, the zero-width no-break space
 * Unicode recommends over U+FEFF) after every `@` outside code breaks that detection and stays
 * invisible, so `@everyone` or a classmate's username in a spell name or a CSV header pings nobody.
 * Code and pre spans keep their `@`: Telegram detects no entities inside them, and a formula or
 * a question id must stay exactly copyable.
 */
import type { RichText, Span } from '../../bot/types.js';

/** Invisible, unbreakable: stops `@username` from becoming a mention entity. */
export const WORD_JOINER = '\u2060';

/** Escapes the three characters Telegram's HTML mode reads as markup. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Puts a word joiner after every `@` (idempotent: an `@` already followed by one is left alone). */
export function neutraliseMentions(s: string): string {
  return s.replace(/@(?!\u2060)/g, `@${WORD_JOINER}`);
}

/**
 * The spans as Telegram will show them: mentions neutralised outside code. Measure and split
 * this (not the raw text), so the limits count the invisible joiners too.
 */
export function neutraliseRichText(rt: RichText): RichText {
  return rt.map((s): Span => {
    if (typeof s === 'string') return neutraliseMentions(s);
    if ('bold' in s) return { bold: neutraliseMentions(s.bold) };
    if ('italic' in s) return { italic: neutraliseMentions(s.italic) };
    return s;
  });
}

/** HTML for already neutralised spans (see `neutraliseRichText`). */
export function spansToHtml(rt: RichText): string {
  return rt
    .map((s) => {
      if (typeof s === 'string') return escapeHtml(s);
      if ('bold' in s) return `<b>${escapeHtml(s.bold)}</b>`;
      if ('italic' in s) return `<i>${escapeHtml(s.italic)}</i>`;
      if ('code' in s) return `<code>${escapeHtml(s.code)}</code>`;
      return `<pre>${escapeHtml(s.pre)}</pre>`;
    })
    .join('');
}

/** Cuts plain text to `max` UTF-16 units, ending with `…` when cut (never inside a surrogate pair). */
export function cutPlain(s: string, max: number): string {
  if (s.length <= max) return s;
  let at = max - 1;
  const c = s.charCodeAt(at - 1);
  if (c >= 0xd800 && c <= 0xdbff) at--;
  return s.slice(0, at).trimEnd() + '…';
}
