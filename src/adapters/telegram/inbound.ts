/**
 * Telegram updates -> the neutral shapes of the bot layer: chats, users, commands.
 */
import type { Chat, User } from 'grammy/types';
import type { ChatRef, UserRef } from '../../bot/types.js';
import { cleanDisplayName } from '../display-name.js';

/** A command in a message: `/name args` or `/name@bot args`. */
export interface ParsedCommand {
  /** Lowercase, without `/` and `@bot`. */
  name: string;
  /** Everything after the command, trimmed ('' when nothing). */
  args: string;
}

/**
 * Reads a command from a message's text or caption. Returns undefined for text that is no
 * command (a plain message) and 'other-bot' for `/cmd@another_bot`, which this bot ignores.
 * The name ends where Telegram's bot_command entity ends (`/still-there` is `/still`).
 * Telegram's command names are Latin letters, digits and `_`; `/привет` is plain text.
 */
export function parseCommand(text: string, botUsername: string): ParsedCommand | 'other-bot' | undefined {
  // Like Telegram's own bot_command entity: the name ends at the first other character.
  const m = /^\/([A-Za-z0-9_]+)(?:@([A-Za-z0-9_]+))?([\s\S]*)$/.exec(text);
  if (m === null) return undefined;
  const [, name = '', target, rest = ''] = m;
  if (target !== undefined && target.toLowerCase() !== botUsername.toLowerCase()) return 'other-bot';
  return { name: name.toLowerCase(), args: rest.trim() };
}

/** A Telegram chat as the bot sees it; undefined for channels (the bot does not serve them). */
export function chatRefOf(chat: Chat): ChatRef | undefined {
  if (chat.type === 'channel') return undefined;
  return { door: 'telegram', id: String(chat.id), kind: chat.type === 'private' ? 'private' : 'group' };
}

/**
 * First and last name, else the username, else the id: what a classmate sees in the chat.
 * Cleaned of controls and bidi overrides (../display-name.ts): Telegram lets names hold them.
 */
export function displayName(user: User): string {
  const full = cleanDisplayName([user.first_name, user.last_name].filter((s): s is string => s !== undefined).join(' '));
  if (full !== '') return full;
  if (user.username !== undefined && user.username !== '') return user.username;
  return String(user.id);
}

/** A Telegram user as a UserRef (locale from the app's language). */
export function userRefOf(user: User): UserRef {
  const ref: UserRef = { id: String(user.id), name: displayName(user) };
  if (user.language_code !== undefined && user.language_code !== '') ref.locale = user.language_code;
  return ref;
}
