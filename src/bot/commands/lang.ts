/**
 * `/lang ru|en`: the language the bot answers this chat in, kept in the store (it wins over
 * each user's locale); `/lang` alone says which language is on.
 */
import { chatKey } from '../../store/types.js';
import type { BotCommand } from '../command.js';
import { t } from '../i18n.js';

export const command: BotCommand = {
  name: 'lang',
  description: { en: 'The language of this chat: ru or en', ru: 'Язык этого чата: ru или en' },
  options: [
    {
      name: 'language',
      type: 'string',
      description: { en: 'ru (Russian) or en (English)', ru: 'ru (русский) или en (английский)' },
      choices: [
        { value: 'ru', label: { en: 'Russian', ru: 'Русский' } },
        { value: 'en', label: { en: 'English', ru: 'Английский' } },
      ],
    },
  ],
  examples: ['/lang ru', '/lang en'],
  async run(ctx) {
    const chosen = ctx.options.language;
    if (chosen !== 'ru' && chosen !== 'en') {
      await ctx.send([t(ctx.lang, 'lang_current')]);
      return;
    }
    ctx.services.store.chats.setLang(chatKey(ctx.chat.door, ctx.chat.id), chosen);
    await ctx.send([t(chosen, 'lang_set')]);
  },
};
