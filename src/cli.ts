#!/usr/bin/env node
/**
 * `gradbot`: the core on the command line, for scripting and for checking what the bot says.
 * Each subcommand lives in src/cli/<name>.ts and is loaded only when used, so `gradbot grad`
 * does not pay for loading canvas or the worker pool.
 */
import { pathToFileURL } from 'node:url';
import { defineMessages } from './core/errors.js';
import { renderOptionsHelp } from './options/help.js';
import { COMMON_OPTIONS, EXIT_USER, peekLang, printJson, runWithPolicy, type CliCommand, type CliIo } from './cli/shared.js';

/** One registry entry: a subcommand's name and the lazy import of its module. */
export interface CliCommandEntry {
  readonly id: string;
  load(): Promise<{ command: CliCommand }>;
}

/** The subcommands, in the order `gradbot --help` lists them; each module names itself. */
export const CLI_COMMANDS: readonly CliCommandEntry[] = Object.freeze([
  { id: 'plot', load: () => import('./cli/plot.js') },
  { id: 'graph', load: () => import('./cli/graph.js') },
  { id: 'grad', load: () => import('./cli/grad.js') },
  { id: 'act', load: () => import('./cli/act.js') },
  { id: 'train', load: () => import('./cli/train.js') },
  { id: 'predict', load: () => import('./cli/predict.js') },
  { id: 'spells', load: () => import('./cli/spells.js') },
  { id: 'quiz', load: () => import('./cli/quiz.js') },
  { id: 'commands', load: () => import('./cli/commands.js') },
]);

/** The registry by name, derived from the list. */
export const CLI_COMMANDS_BY_NAME: ReadonlyMap<string, CliCommandEntry> = new Map(CLI_COMMANDS.map((c) => [c.id, c]));

const msg = defineMessages('cli', {
  unknown_command: {
    en: 'unknown command "{name}". Commands: {commands}.',
    ru: 'неизвестная команда «{name}». Команды: {commands}.',
  },
});

function helpText(): string {
  return [
    'gradbot: the autograd and training core of the gradbot teaching bot',
    '',
    'Usage: gradbot <command> [options]   (from a checkout: npm run -s cli -- <command> ...)',
    '',
    'Commands:',
    ...CLI_COMMANDS.map((c) => `  ${c.id}`),
    '',
    'Run "gradbot <command> --help" for the options of one command.',
  ].join('\n');
}

/** A command's help: its summary and usage, then its options from the specs. */
export function commandHelp(command: CliCommand, lang: 'en' | 'ru'): string {
  return [command.summary, '', command.usage, '', renderOptionsHelp([...command.options, ...COMMON_OPTIONS], lang)].join('\n');
}

/** Runs the CLI with the given arguments; resolves to the exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(helpText());
    return 0;
  }
  const entry = CLI_COMMANDS_BY_NAME.get(name);
  if (!entry) {
    // the same policy as inside a command: --json and --lang ru hold here too
    const e = msg.error('unknown_command', { name, commands: CLI_COMMANDS.map((c) => c.id).join(', ') });
    if (rest.includes('--json')) printJson(io, { error: { code: e.code, message: e.render(peekLang(rest)) } });
    else io.err(`gradbot: ${e.render(peekLang(rest))}`);
    return EXIT_USER;
  }
  const { command } = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(commandHelp(command, peekLang(rest)));
    return 0;
  }
  return runWithPolicy(command, rest, io);
}

const isEntry = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isEntry) {
  const io: CliIo = {
    out: (t) => process.stdout.write(t.endsWith('\n') ? t : t + '\n'),
    err: (t) => process.stderr.write(t.endsWith('\n') ? t : t + '\n'),
  };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`gradbot: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
