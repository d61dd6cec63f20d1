/**
 * RichText -> Discord markdown. Plain spans are user-safe text, so every markdown character in
 * them is escaped (a CSV header `**x**` or `[link](…)` shows as typed); mentions are made
 * harmless twice: `allowedMentions: { parse: [] }` on every message stops pings, and `@` in
 * user text gets a zero-width joiner so `@everyone` does not even look like a mention.
 *
 * The escaping is our own, character by character: discord.js's `escapeMarkdown` works on
 * pairs and leaves runs like `*****` or `_____` half unescaped (which then format), and it has
 * no rule for quotes (`> `), subtext (`-# `) or command mentions (`</cmd:id>`).
 */
import type { RichText, Span } from '../../bot/types.js';

const ZWJ = '\u200d';

/** Characters that format wherever they stand: each gets a backslash. */
const INLINE = /[\\*_~`|[\]]/g;
/** What formats at the start of a line: headings, subtext, quotes, list bullets, `1.` lists. */
const LINE_START = /^([ \t]*)(#|>|-|\+|(\d+)\.)/gm;

/** Escapes user text for Discord markdown and defuses mentions. */
export function escapeDiscord(text: string): string {
  return (
    text
      .replace(INLINE, '\\$&')
      // A line-start marker keeps its digits (`1\.`), loses its meaning.
      .replace(LINE_START, (_m, indent: string, marker: string, digits: string | undefined) => `${indent}${digits !== undefined ? `${digits}\\.` : `\\${marker}`}`)
      .replace(/@/g, `@${ZWJ}`)
      // <@id> <@&role> <#channel> <:emoji:id> <a:emoji:id> <t:stamp> </command:id> <id:guide>
      .replace(/<(?=[@#:&!/]|t:|a:|id:)/g, `<${ZWJ}`)
  );
}

/** Text inside code spans cannot be escaped; backticks are replaced by a look-alike instead. */
function codeSafe(text: string): string {
  return text.replace(/`/g, 'ˋ');
}

function span(s: Span): string {
  if (typeof s === 'string') return escapeDiscord(s);
  if ('bold' in s) return s.bold === '' ? '' : `**${escapeDiscord(s.bold)}**`;
  if ('italic' in s) return s.italic === '' ? '' : `*${escapeDiscord(s.italic)}*`;
  if ('code' in s) return s.code === '' ? '' : `\`${codeSafe(s.code)}\``;
  return `\`\`\`\n${codeSafe(s.pre)}\n\`\`\``;
}

/** Renders rich text as Discord markdown. */
export function toDiscordMarkdown(text: RichText): string {
  return text.map(span).join('');
}
