/**
 * OutMessage -> discord.js message options: markdown content within Discord's 2,000
 * characters, PNGs as attachments, buttons as action rows (at most 5 rows of 5), and on every
 * message mentions switched off and link previews suppressed (a URL in a CSV header or a spell
 * list must not pull a stranger's page into the class chat; the Telegram door does the same).
 */
import { ActionRowBuilder, AttachmentBuilder, ButtonBuilder, ButtonStyle, type MessageActionRowComponentBuilder } from 'discord.js';
import { splitRichText, truncateRichText } from '../../bot/rich-text.js';
import type { Button, OutMessage, RichText } from '../../bot/types.js';
import { toDiscordMarkdown } from './markdown.js';

/** Discord's message limit, less room for the escapes markdown adds. */
export const MAX_CONTENT = 2000;
/** What the bot core may put in one message before this door renders it (escapes can double a text). */
export const TEXT_BUDGET = 1800;

const STYLES: Record<NonNullable<Button['style']>, ButtonStyle> = {
  primary: ButtonStyle.Primary,
  secondary: ButtonStyle.Secondary,
  danger: ButtonStyle.Danger,
  success: ButtonStyle.Success,
};

/** The same options shape for replies, edits and follow-ups. */
export interface DiscordPayload {
  content: string;
  files: AttachmentBuilder[];
  components: Array<ActionRowBuilder<MessageActionRowComponentBuilder>>;
  allowedMentions: { parse: []; repliedUser: false };
  /** Always SuppressEmbeds; Ephemeral for a private reply (edits keep only SuppressEmbeds). */
  flags: Array<'SuppressEmbeds' | 'Ephemeral'>;
  /** On edits: drop the attachments the message had (new `files` replace them). */
  attachments?: [];
}

function rows(buttons: Button[][] | undefined): Array<ActionRowBuilder<MessageActionRowComponentBuilder>> {
  if (!buttons) return [];
  const out: Array<ActionRowBuilder<MessageActionRowComponentBuilder>> = [];
  // Discord: 5 buttons a row, 5 rows a message; longer rows wrap.
  for (const row of buttons) {
    for (let k = 0; k < row.length; k += 5) {
      const builders = row.slice(k, k + 5).map((btn) =>
        new ButtonBuilder()
          .setCustomId(btn.id.slice(0, 100))
          .setLabel(Array.from(btn.label).slice(0, 80).join('') || '·')
          .setStyle(STYLES[btn.style ?? 'secondary'])
          .setDisabled(btn.disabled === true),
      );
      if (builders.length > 0) out.push(new ActionRowBuilder<MessageActionRowComponentBuilder>().addComponents(...builders));
    }
  }
  return out.slice(0, 5);
}

/** Cuts markdown to `max` UTF-16 units without splitting a character; the last resort. */
function cutMarkdown(md: string, max: number): string {
  let out = '';
  for (const ch of md) {
    if (out.length + ch.length > max - 1) break;
    out += ch;
  }
  return out + '…';
}

/**
 * Markdown chunks of at most MAX_CONTENT each. Escapes can double a text, so a chunk split at
 * TEXT_BUDGET raw characters that renders too long is split again, smaller, instead of being
 * cut (which lost the end of a message full of `*` or `@`).
 */
export function markdownChunks(text: RichText, budget = TEXT_BUDGET): string[] {
  const out: string[] = [];
  for (const part of splitRichText(text, budget)) {
    const md = toDiscordMarkdown(part);
    if (md.length <= MAX_CONTENT) out.push(md);
    else if (budget >= 64) out.push(...markdownChunks(part, Math.floor(budget / 2)));
    else out.push(cutMarkdown(md, MAX_CONTENT));
  }
  return out;
}

/** The markdown of an edit: one message, so a text that renders too long is shortened with `…`. */
function editMarkdown(text: RichText): string {
  let md = toDiscordMarkdown(text);
  for (let budget = TEXT_BUDGET; md.length > MAX_CONTENT && budget >= 64; budget = Math.floor(budget * 0.75)) {
    md = toDiscordMarkdown(truncateRichText(text, budget));
  }
  return md.length <= MAX_CONTENT ? md : cutMarkdown(md, MAX_CONTENT);
}

/**
 * The message as one or more payloads: the text is split so each part fits; pictures, files and
 * buttons go with the last part (buttons under the text they belong to). An edit is one payload.
 */
export function toPayloads(msg: OutMessage, opts: { edit?: boolean } = {}): DiscordPayload[] {
  const parts = msg.text.length === 0 ? [''] : opts.edit === true ? [editMarkdown(msg.text)] : markdownChunks(msg.text);
  return parts.map((content, k) => {
    const last = k === parts.length - 1;
    const files = last
      ? [
          ...(msg.images ?? []).map((img) => new AttachmentBuilder(Buffer.from(img.png), { name: img.name, ...(img.alt ? { description: img.alt } : {}) })),
          ...(msg.files ?? []).map((f) => new AttachmentBuilder(Buffer.from(f.bytes), { name: f.name })),
        ]
      : [];
    const p: DiscordPayload = {
      content: content === '' && files.length === 0 ? '\u200b' : content,
      files,
      components: last ? rows(msg.buttons) : [],
      allowedMentions: { parse: [], repliedUser: false },
      flags: msg.private === true && opts.edit !== true ? ['SuppressEmbeds', 'Ephemeral'] : ['SuppressEmbeds'],
    };
    if (opts.edit) p.attachments = [];
    return p;
  });
}
