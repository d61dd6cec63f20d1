/**
 * Building, measuring and splitting `RichText` (see ./types.ts). The bot layer splits long
 * replies to the door's `caps.maxText` with `splitRichText`; doors whose markup adds characters
 * (Discord markdown escapes) call it again with their own budget.
 *
 * Lengths are counted in UTF-16 code units, as Telegram counts them, which is never less than
 * the code points Discord counts, so a chunk that fits here fits on every door.
 */
import type { OutMessage, RichText, Span } from './types.js';

/** Bold span. */
export const b = (text: string): Span => ({ bold: text });
/** Italic span. */
export const i = (text: string): Span => ({ italic: text });
/** Inline code span (formulas, ids, commands). */
export const code = (text: string): Span => ({ code: text });
/** Preformatted block (tables, walkthroughs). */
export const pre = (text: string): Span => ({ pre: text });

/** The text of one span, whatever its style. */
export function spanText(s: Span): string {
  if (typeof s === 'string') return s;
  if ('bold' in s) return s.bold;
  if ('italic' in s) return s.italic;
  if ('code' in s) return s.code;
  return s.pre;
}

/** A span of the same style with other text. */
function withText(s: Span, text: string): Span {
  if (typeof s === 'string') return text;
  if ('bold' in s) return { bold: text };
  if ('italic' in s) return { italic: text };
  if ('code' in s) return { code: text };
  return { pre: text };
}

/** The text without styles (the CLI, logs, tests). */
export function toPlainText(rt: RichText): string {
  return rt.map(spanText).join('');
}

/** Length in UTF-16 code units (Telegram's count). */
export function richTextLength(rt: RichText): number {
  let n = 0;
  for (const s of rt) n += spanText(s).length;
  return n;
}

/** Joins pieces of rich text with a separator (default a line break). */
export function joinRichText(parts: readonly RichText[], sep: Span = '\n'): RichText {
  const out: RichText = [];
  parts.forEach((p, k) => {
    if (k > 0) out.push(sep);
    out.push(...p);
  });
  return out;
}

/** A message from a message or bare rich text. */
export function toOutMessage(msg: OutMessage | RichText): OutMessage {
  return Array.isArray(msg) ? { text: msg } : msg;
}

/** Does cutting at `at` split a surrogate pair? */
function splitsPair(s: string, at: number): boolean {
  if (at <= 0 || at >= s.length) return false;
  const c = s.charCodeAt(at - 1);
  return c >= 0xd800 && c <= 0xdbff;
}

/**
 * Where to cut `s` so the head has at most `budget` units: after the last line break, else
 * after the last space, else (when `hard`) at the budget itself, never inside a surrogate pair.
 * Returns 0 when there is no good place and `hard` is false.
 */
function cutPoint(s: string, budget: number, hard: boolean): number {
  const head = s.slice(0, budget + 1);
  const nl = head.lastIndexOf('\n');
  if (nl >= 0 && nl < budget) return nl + 1;
  if (nl === budget) return budget;
  const sp = head.lastIndexOf(' ');
  if (sp > 0) return sp + 1 <= budget ? sp + 1 : sp;
  if (!hard) return 0;
  let at = budget;
  if (splitsPair(s, at)) at--;
  return Math.max(1, at);
}

/**
 * Splits rich text into chunks of at most `max` UTF-16 units each, preferring line breaks,
 * then spaces, and keeping each span's style on both sides of a cut. Always returns at least
 * one chunk (an empty text gives `[[]]`).
 */
export function splitRichText(rt: RichText, max: number): RichText[] {
  if (!Number.isInteger(max) || max < 2) throw new RangeError(`splitRichText: max must be an integer ≥ 2, got ${max}`);
  const chunks: RichText[] = [];
  let cur: RichText = [];
  let used = 0;
  const flush = () => {
    if (cur.length > 0) chunks.push(cur);
    cur = [];
    used = 0;
  };
  for (const span of rt) {
    let text = spanText(span);
    while (text.length > 0) {
      const room = max - used;
      if (text.length <= room) {
        cur.push(withText(span, text));
        used += text.length;
        break;
      }
      // Prefer a natural break; a short span that fits a fresh chunk moves there whole.
      let at = cutPoint(text, room, false);
      if (at === 0 && used > 0 && text.length <= max) {
        flush();
        continue;
      }
      if (at === 0) at = used > 0 ? 0 : cutPoint(text, room, true);
      if (at === 0) {
        flush();
        continue;
      }
      cur.push(withText(span, text.slice(0, at)));
      text = text.slice(at);
      flush();
    }
  }
  flush();
  return chunks.length > 0 ? chunks : [[]];
}

/** Cuts rich text to at most `max` units, ending with `…` when something was cut (for edits). */
export function truncateRichText(rt: RichText, max: number): RichText {
  if (richTextLength(rt) <= max) return rt;
  const [head] = splitRichText(rt, Math.max(2, max - 1));
  return [...(head ?? []), '…'];
}
