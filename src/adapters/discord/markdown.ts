/**
 * RichText -> Discord markdown. Plain spans are user-safe text, so every markdown character in
 * them is escaped (a CSV header `**x**` or `[link](…)` shows as typed); mentions are made
 * harmless twice: `allowedMentions: { parse: [] }` on every message stops pings, and `@` in
 * user text gets a zero-width joiner so `@everyone` does not even look like a mention.
 */
import { escapeMarkdown } from 'discord.js';
import type { RichText, Span } from '../../bot/types.js';

const ZWJ = '\u200d';

/** Escapes user text for Discord markdown and defuses mentions. */
export function escapeDiscord(text: string): string {
  return escapeMarkdown(text, { bulletedList: true, numberedList: true, heading: true, maskedLink: true })
    .replace(/@/g, `@${ZWJ}`)
    .replace(/<(?=[@#:&!]|t:|a:)/g, `<${ZWJ}`);
}

/** Text inside code spans cannot be escaped; backticks are replaced by a look-alike instead. */
function codeSafe(text: string): string {
  return text.replace(/`/g, 'ˋ');
}

function span(s: Span): string {
  if (typeof s === 'string') return escapeDiscord(s);
  if ('bold' in s) return `**${escapeDiscord(s.bold)}**`;
  if ('italic' in s) return `*${escapeDiscord(s.italic)}*`;
  if ('code' in s) return s.code === '' ? '' : `\`${codeSafe(s.code)}\``;
  return `\`\`\`\n${codeSafe(s.pre)}\n\`\`\``;
}

/** Renders rich text as Discord markdown. */
export function toDiscordMarkdown(text: RichText): string {
  return text.map(span).join('');
}
