/**
 * `/help [command]`: what the bot does and every command, or one command's usage, options and
 * examples, built from the definitions (so help cannot drift from what a command parses).
 */
import type { BotCommand } from '../command.js';
import { commandHelp } from '../help-text.js';
import { nearestCommand } from '../command-suggest.js';
import { botMessages } from '../i18n.js';
import { intro } from '../intro.js';

export const command: BotCommand = {
  name: 'help',
  description: { en: 'What the bot does; /help <command> for one command', ru: 'Что умеет бот; /help <команда> — про одну команду' },
  options: [
    {
      name: 'command',
      type: 'string',
      description: { en: 'A command name, e.g. quiz', ru: 'Имя команды, например quiz' },
      max: 40,
      example: 'quiz',
    },
  ],
  examples: ['/help', '/help quiz', '/help plot'],
  async run(ctx) {
    const name = String(ctx.options.command ?? '').trim().replace(/^\//, '').toLowerCase();
    if (name === '') {
      await ctx.send(intro(ctx.lang, ctx.runtime.commands));
      return;
    }
    const def = ctx.runtime.commands.find((c) => c.name === name);
    if (!def) {
      const near = nearestCommand(name, ctx.runtime.commands.filter((c) => c.hidden !== true).map((c) => c.name));
      throw near ? botMessages.error('unknown_command_near', { name, near }) : botMessages.error('unknown_command', { name });
    }
    await ctx.send(commandHelp(def, ctx.lang));
  },
};
