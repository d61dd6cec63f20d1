/**
 * Buttons -> an inline keyboard. A button's callback data is the bot's opaque action id, which
 * the bot layer resolves server-side (a forged callback finds nothing and scores nothing).
 * Telegram allows 1-64 bytes of callback data; a longer id is kept here and replaced by a short
 * key, so the keyboard never fails for a long id.
 */
import type { InlineKeyboardButton, InlineKeyboardMarkup } from 'grammy/types';
import type { Button } from '../../bot/types.js';
import { BoundedMap } from './bounded-map.js';

/** Telegram's limit on callback_data. */
export const MAX_CALLBACK_BYTES = 64;
/** Marks a short key standing for a longer action id. */
const LONG_ID_PREFIX = '~';

/** Maps action ids to callback data and back. */
export class CallbackIds {
  private readonly longIds = new BoundedMap<string, string>(50_000, 24 * 60 * 60 * 1000);
  private next = 0;

  /** The callback data for an action id. */
  encode(actionId: string): string {
    if (Buffer.byteLength(actionId, 'utf8') <= MAX_CALLBACK_BYTES && !actionId.startsWith(LONG_ID_PREFIX)) return actionId;
    const key = `${LONG_ID_PREFIX}${(this.next++).toString(36)}`;
    this.longIds.set(key, actionId);
    return key;
  }

  /** The action id for callback data (undefined for a forgotten long id). */
  decode(data: string): string | undefined {
    return data.startsWith(LONG_ID_PREFIX) ? this.longIds.get(data) : data;
  }
}

/**
 * The inline keyboard for rows of buttons, or undefined when none is left. Disabled buttons are
 * left out (older Telegram apps show no disabled state), and so are rows that end up empty: a
 * keyboard whose buttons are all disabled disappears, which is what an answered question wants.
 */
export function inlineKeyboard(rows: readonly (readonly Button[])[] | undefined, ids: CallbackIds): InlineKeyboardMarkup | undefined {
  if (rows === undefined) return undefined;
  const keyboard = rows
    .map((row) =>
      row
        .filter((b) => b.disabled !== true)
        .map((b): InlineKeyboardButton => {
          const button: InlineKeyboardButton.CallbackButton = { text: b.label, callback_data: ids.encode(b.id) };
          if (b.style !== undefined && b.style !== 'secondary') button.style = b.style;
          return button;
        }),
    )
    .filter((row) => row.length > 0);
  return keyboard.length > 0 ? { inline_keyboard: keyboard } : undefined;
}
