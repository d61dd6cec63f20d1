#!/usr/bin/env node
/**
 * `gradbot`: the core on the command line, for scripting and for checking what the bot says.
 * Each subcommand lives in src/cli/<name>.ts and is loaded only when used, so `gradbot grad`
 * does not pay for loading canvas or the worker pool.
 */
import { pathToFileURL } from 'node:url';
import { defineMessages } from './core/errors.js';
import { EXIT_USER, printJson, runWithPolicy, type CliCommand, type CliIo } from './cli/shared.js';

/** The subcommands, loaded lazily. */
export const COMMANDS: Record<string, () => Promise<{ command: CliCommand }>> = {
  plot: () => import('./cli/plot.js'),
  graph: () => import('./cli/graph.js'),
  grad: () => import('./cli/grad.js'),
  act: () => import('./cli/act.js'),
  train: () => import('./cli/train.js'),
  predict: () => import('./cli/predict.js'),
  spells: () => import('./cli/spells.js'),
  quiz: () => import('./cli/quiz.js'),
};

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
    ...Object.keys(COMMANDS).map((n) => `  ${n}`),
    '',
    'Run "gradbot <command> --help" for the options of one command.',
  ].join('\n');
}

/** Runs the CLI with the given arguments; resolves to the exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(helpText());
    return 0;
  }
  const load = COMMANDS[name];
  if (!load) {
    // the same policy as inside a command: --json and --lang ru hold here too
    const e = msg.error('unknown_command', { name, commands: Object.keys(COMMANDS).join(', ') });
    const lang = rest.includes('--lang=ru') || (rest.includes('--lang') && rest[rest.indexOf('--lang') + 1] === 'ru') ? 'ru' : 'en';
    if (rest.includes('--json')) printJson(io, { error: { code: e.code, message: e.render(lang) } });
    else io.err(`gradbot: ${e.render(lang)}`);
    return EXIT_USER;
  }
  const { command } = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(`${command.summary}\n\n${command.usage}`);
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
