/** Store keys of the chat and the user a context is about. */
import { chatKey, userKey, type ChatKey, type UserKey } from '../../store/types.js';
import type { ChatRef, UserRef } from '../types.js';

export interface Keys {
  chat: ChatKey;
  user: UserKey;
}

/** `<door>:<chatId>` and `<door>:<userId>`. */
export function keysOf(ctx: { chat: ChatRef; user: UserRef }): Keys {
  return { chat: chatKey(ctx.chat.door, ctx.chat.id), user: userKey(ctx.chat.door, ctx.user.id) };
}
