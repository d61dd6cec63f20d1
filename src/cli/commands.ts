/**
 * `gradbot commands [--json] [--lang ru]`: every bot command definition. With --json, the JSON
 * of src/bot/definitions.ts (the same data the Discord deploy script reads); without, one line
 * per command in the language.
 */
import { commandsJson } from '../bot/definitions.js';
import { usageLine } from '../bot/help-text.js';
import { COMMANDS } from '../bot/registry.js';
import { badArgs, printJson, type CliCommand } from './shared.js';

export const command: CliCommand = {
  name: 'commands',
  summary: 'List every bot command with its options (--json: the definitions as JSON)',
  usage: 'Usage: gradbot commands [--json] [--lang ru|en]\n\nWith --json: [{"name", "description": {"en", "ru"}, "options": [{"name", "type", "required", "description", "choices"?}]}]',
  options: [],
  async run(args, io, ctx) {
    const extra = args.positionals[0];
    if (extra !== undefined) throw badArgs('commands', { en: 'Unexpected argument "{arg}"', ru: 'Лишний аргумент «{arg}»' }, { arg: extra });
    if (ctx.json) {
      printJson(io, commandsJson(COMMANDS));
      return 0;
    }
    io.out(COMMANDS.map((c) => `${usageLine(c)}\n    ${c.description[ctx.lang]}`).join('\n'));
    return 0;
  },
};
