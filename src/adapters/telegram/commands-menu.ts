/**
 * Telegram's command menu (the "/" button) from the bot's command definitions: one list per
 * language (`language_code: 'ru'` and the default, English) for private chats and again for
 * group chats, so a class group shows the same menu in each student's language.
 */
import type { Api } from 'grammy';
import type { BotCommand as TelegramCommand } from 'grammy/types';
import type { CommandDefinition } from '../../bot/types.js';
import type { Lang } from '../../core/errors.js';
import type { Log } from '../../bot/services.js';
import { cutPlain } from './html.js';

/** Telegram's rules for a command name: 1-32 of a-z, 0-9 and `_`. */
const COMMAND_NAME = /^[a-z0-9_]{1,32}$/;
/** Telegram's limit on a command's description. */
const MAX_DESCRIPTION = 256;
/** Telegram's limit on the number of commands in one list. */
const MAX_COMMANDS = 100;

/** The menu entries for one language: listed commands only, names and descriptions within Telegram's limits. */
export function commandMenu(defs: readonly CommandDefinition[], lang: Lang): TelegramCommand[] {
  return defs
    .filter((d) => d.hidden !== true && COMMAND_NAME.test(d.name))
    .slice(0, MAX_COMMANDS)
    .map((d) => ({ command: d.name, description: cutPlain(d.description[lang].replace(/\s+/g, ' ').trim() || d.name, MAX_DESCRIPTION) }));
}

/** Calls `setMyCommands` for ru and the default language, in private and group scopes. Failures are logged, not fatal. */
export async function publishCommandMenus(api: Api, defs: readonly CommandDefinition[], log: Log): Promise<void> {
  const skipped = defs.filter((d) => d.hidden !== true && !COMMAND_NAME.test(d.name)).map((d) => d.name);
  if (skipped.length > 0) log.warn({ skipped }, 'telegram: command names Telegram does not accept were left out of the menu');
  const en = commandMenu(defs, 'en');
  const ru = commandMenu(defs, 'ru');
  const calls: Array<[TelegramCommand[], { language_code?: 'ru'; scope?: { type: 'all_group_chats' } }]> = [
    [en, {}],
    [ru, { language_code: 'ru' }],
    [en, { scope: { type: 'all_group_chats' } }],
    [ru, { language_code: 'ru', scope: { type: 'all_group_chats' } }],
  ];
  for (const [commands, other] of calls) {
    try {
      await api.setMyCommands(commands, other);
    } catch (err) {
      log.warn({ err, language: other.language_code ?? 'default', scope: other.scope?.type ?? 'default' }, 'telegram: setMyCommands failed');
    }
  }
}
