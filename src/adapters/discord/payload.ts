/**
 * OutMessage -> discord.js message options: markdown content within Discord's 2,000
 * characters, PNGs as attachments, buttons as action rows (at most 5 rows of 5), and mentions
 * switched off on every message.
 */
import { ActionRowBuilder, AttachmentBuilder, ButtonBuilder, ButtonStyle, MessageFlags, type MessageActionRowComponentBuilder } from 'discord.js';
import { splitRichText } from '../../bot/rich-text.js';
import type { Button, OutMessage } from '../../bot/types.js';
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
  flags?: MessageFlags.Ephemeral;
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

/**
 * The message as one or more payloads: the text is split so each part fits; pictures, files and
 * buttons go with the last part (buttons under the text they belong to).
 */
export function toPayloads(msg: OutMessage, opts: { edit?: boolean } = {}): DiscordPayload[] {
  const parts = msg.text.length === 0 ? [[]] : splitRichText(msg.text, TEXT_BUDGET);
  return parts.map((part, k) => {
    const last = k === parts.length - 1;
    let content = toDiscordMarkdown(part);
    if (content.length > MAX_CONTENT) content = content.slice(0, MAX_CONTENT - 1) + '…';
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
    };
    if (msg.private) p.flags = MessageFlags.Ephemeral;
    if (opts.edit) p.attachments = [];
    return p;
  });
}
