/**
 * Discord interactions -> the bot's neutral requests: the chat (a server is one class chat; a
 * DM is private), the user with their locale, structured option values and attachments.
 */
import { PermissionFlagsBits, type ButtonInteraction, type ChatInputCommandInteraction, type CommandInteractionOption } from 'discord.js';
import type { Attachment, ChatRef, UserRef } from '../../bot/types.js';
import type { ParsedOptions } from '../../options/types.js';
import { cleanDisplayName } from '../display-name.js';
import { formatBytes } from '../../data/limits.js';
import { downloadMessages, tooLarge, fetchCapped } from '../download.js';

type AnyInteraction = ChatInputCommandInteraction | ButtonInteraction;

/** A server is the class chat (leaderboards, /lang and /settings per server); a DM is private. */
export function chatOf(i: AnyInteraction | { guildId: string | null; channelId: string | null }): ChatRef {
  return i.guildId ? { door: 'discord', id: i.guildId, kind: 'group' } : { door: 'discord', id: i.channelId ?? 'dm', kind: 'private' };
}

export function userOf(i: AnyInteraction): UserRef {
  // A cached GuildMember has displayName; an uncached one is the raw API object with `nick`.
  const m = i.member;
  const member = m && 'displayName' in m ? m.displayName : m && 'nick' in m && typeof m.nick === 'string' ? m.nick : undefined;
  // Cleaned of controls and bidi overrides (../display-name.ts); the username is always plain.
  const name = [member, i.user.globalName, i.user.username].map((n) => (n ? cleanDisplayName(n) : '')).find((n) => n !== '') ?? i.user.id;
  return { id: i.user.id, name, locale: i.locale };
}

/** Manage Server in a server (the command's default_member_permissions says the same); DMs: yes. */
export function isAdminOf(i: AnyInteraction): () => Promise<boolean> {
  return async () => (i.guildId === null ? true : i.memberPermissions?.has(PermissionFlagsBits.ManageGuild) === true);
}

/** Option values by name, and the attachment options as attachments. */
export function optionsOf(i: ChatInputCommandInteraction): { options: ParsedOptions; attachments: Attachment[] } {
  const options: ParsedOptions = {};
  const attachments: Attachment[] = [];
  const walk = (list: readonly CommandInteractionOption[]): void => {
    for (const o of list) {
      if (o.options) walk(o.options);
      if (o.attachment) {
        const a = o.attachment;
        attachments.push({
          name: a.name,
          declaredSize: a.size,
          ...(a.contentType ? { mime: a.contentType } : {}),
          // The declared size first, as on Telegram: a file over the limit is never fetched.
          download: async (maxBytes) => {
            if (a.size > maxBytes) throw tooLarge(maxBytes);
            return fetchCapped(a.url, maxBytes);
          },
        });
      } else if (typeof o.value === 'string' || typeof o.value === 'number' || typeof o.value === 'boolean') {
        options[o.name] = o.value;
      }
    }
  };
  walk(i.options.data);
  return { options, attachments };
}
