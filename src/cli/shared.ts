/**
 * Plumbing shared by every `gradbot` subcommand: argument parsing with node:util, the
 * input/output streams (injectable so tests run commands in-process), and one error policy:
 * bad input exits with code 2 and one line on stderr, or `{"error": {"code", "message"}}`
 * on stdout with --json; never a stack trace.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { defineMessages, isUserInputError, type Lang, type UserInputError } from '../core/errors.js';

/** Where a command writes. Tests pass collectors; the real CLI passes process streams. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** One subcommand: `gradbot <name> ...`. */
export interface CliCommand {
  name: string;
  /** One line for `gradbot --help`. */
  summary: string;
  /** Usage lines shown on `gradbot <name> --help`. */
  usage: string;
  /** Runs with the arguments after the command name; resolves to the exit code. */
  run(argv: string[], io: CliIo): Promise<number>;
}

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_USER = 2;

const msg = defineMessages('cli', {
  bad_args: {
    en: '{detail}. Run "gradbot {command} --help" for usage.',
    ru: '{detail}. Справка: "gradbot {command} --help".',
  },
  bad_number: {
    en: 'Option --{option} expects a number, got "{value}".',
    ru: 'Параметр --{option} ожидает число, а получено «{value}».',
  },
  bad_lang: {
    en: 'Option --lang must be "ru" or "en", got "{value}".',
    ru: 'Параметр --lang должен быть «ru» или «en», а получено «{value}».',
  },
});

type Options = NonNullable<ParseArgsConfig['options']>;

/** parseArgs in strict mode whose mistakes become UserInputErrors naming the command. */
export function parseCliArgs<O extends Options>(command: string, argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true, allowNegative: true });
  } catch (e) {
    const detail = e instanceof Error ? e.message.split('\n')[0] ?? e.message : String(e);
    throw msg.error('bad_args', { command, detail: detail.replace(/\.$/, '') });
  }
}

/** A finite number from an option string, or a UserInputError naming the option. */
export function numberOption(option: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.trim());
  if (value.trim() === '' || !Number.isFinite(n)) throw msg.error('bad_number', { option, value });
  return n;
}

/** The --lang option (default English). */
export function langOption(value: string | undefined): Lang {
  if (value === undefined) return 'en';
  if (value === 'en' || value === 'ru') return value;
  throw msg.error('bad_lang', { value });
}

/** Standard error for anything a user got wrong, shared by commands that parse by hand. */
export function badArgs(command: string, detail: string): UserInputError {
  return msg.error('bad_args', { command, detail });
}

/** Prints a value as one JSON document. */
export function printJson(io: CliIo, value: unknown): void {
  io.out(JSON.stringify(value, null, 2));
}

/**
 * Runs a command with the error policy. `--json` anywhere in argv switches errors to JSON
 * on stdout; `--lang ru` renders user errors in Russian.
 */
export async function runWithPolicy(cmd: CliCommand, argv: string[], io: CliIo): Promise<number> {
  const json = argv.includes('--json');
  const langIdx = argv.indexOf('--lang');
  // both spellings commands accept: `--lang ru` and `--lang=ru`
  const lang: Lang = (langIdx >= 0 && argv[langIdx + 1] === 'ru') || argv.includes('--lang=ru') ? 'ru' : 'en';
  try {
    return await cmd.run(argv, io);
  } catch (e) {
    if (isUserInputError(e)) {
      const message = e.render(lang);
      if (json) printJson(io, { error: { code: e.code, message } });
      else io.err(`gradbot ${cmd.name}: ${message}`);
      return EXIT_USER;
    }
    // A bug, not the user's fault: say so in one line; the stack stays out of the chat/terminal.
    const message = e instanceof Error ? e.message : String(e);
    if (json) printJson(io, { error: { code: 'internal', message } });
    else io.err(`gradbot ${cmd.name}: internal error: ${message.split('\n')[0]}`);
    return EXIT_INTERNAL;
  }
}
