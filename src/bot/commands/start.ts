/**
 * `/start`: what the bot does, with a few examples to try, in the chat's language. Telegram
 * sends it when a student opens the bot; it is hidden from menus elsewhere.
 */
import type { BotCommand } from '../command.js';
import { intro } from '../intro.js';

export const command: BotCommand = {
  name: 'start',
  description: { en: 'What this bot does and how to begin', ru: 'Что умеет бот и с чего начать' },
  options: [],
  hidden: true,
  examples: ['/start'],
  async run(ctx) {
    await ctx.send(intro(ctx.lang, ctx.runtime.commands));
  },
};
