/**
 * "Is this user a group administrator?" for /settings and /export, from getChatMember, cached
 * for a minute per chat and user (a settings dialog asks several times; a demoted admin loses
 * the right within a minute). In a private chat the user is the only member: always true.
 */
import type { Api } from 'grammy';
import type { Log } from '../../bot/services.js';
import { BoundedMap } from './bounded-map.js';

/** How long an admin check is trusted. */
export const ADMIN_CACHE_MS = 60_000;

/** getChatMember answers per chat and user, for a minute. */
export class AdminCache {
  private readonly cache: BoundedMap<string, boolean>;

  constructor(
    private readonly api: Api,
    private readonly log: Log,
    now: () => number = Date.now,
  ) {
    this.cache = new BoundedMap(10_000, ADMIN_CACHE_MS, now);
  }

  async isAdmin(chatId: number, userId: number, privateChat: boolean): Promise<boolean> {
    if (privateChat) return true;
    const key = `${chatId}:${userId}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    let admin = false;
    try {
      const member = await this.api.getChatMember(chatId, userId);
      admin = member.status === 'creator' || member.status === 'administrator';
    } catch (err) {
      // Unknown means no: an admin-only command must not open up because Telegram failed.
      this.log.warn({ err, chat: chatId }, 'telegram: getChatMember failed; treating the user as not an admin');
      return false;
    }
    this.cache.set(key, admin);
    return admin;
  }

  forgetChat(chatId: number): void {
    this.cache.deleteWhere((k) => k.startsWith(`${chatId}:`));
  }
}
