/**
 * Commands sent "as the group": an administrator with "Remain anonymous" on (or a member
 * posting as a channel) writes with `sender_chat` set and `from` being Telegram's stand-in bot,
 * so the bot cannot tell who asked, score them or check their rights. Teachers are often such
 * administrators; silence would look like a broken bot, so the chat is told why, at most once
 * a minute per chat.
 */
import type { Message } from 'grammy/types';
import { defineMessages } from '../../core/errors.js';
import { BoundedMap } from './bounded-map.js';

export const anonymousMessages = defineMessages('telegram', {
  anonymous: {
    en: 'You are posting as the group (anonymously), so I cannot tell who you are and do not run commands sent that way. Turn off "Remain anonymous" in your administrator rights, or send the command from your own account.',
    ru: 'Вы пишете от имени группы (анонимно), поэтому я не вижу, кто вы, и такие команды не выполняю. Отключите «Анонимность» в своих правах администратора или отправьте команду от своего аккаунта.',
  },
});

/** True for a message written as a chat (anonymous admin, a channel), not as a person. */
export function isSentAsChat(msg: Message): boolean {
  // Posts a linked channel forwards into its discussion group carry sender_chat too; nobody typed those here.
  return msg.sender_chat !== undefined && msg.is_automatic_forward !== true;
}

/** Remembers which chats were told lately. */
export class AnonymousNotices {
  private readonly told: BoundedMap<number, true>;

  constructor(intervalMs = 60_000, now: () => number = Date.now) {
    this.told = new BoundedMap<number, true>(10_000, intervalMs, now);
  }

  /** True (and remembered) when `chatId` was not told within the interval. */
  shouldTell(chatId: number): boolean {
    if (this.told.get(chatId) !== undefined) return false;
    this.told.set(chatId, true);
    return true;
  }
}
