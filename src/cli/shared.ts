/**
 * Plumbing shared by every `gradbot` subcommand: argument parsing with node:util, the
 * input/output streams (injectable so tests run commands in-process), and one error policy:
 * bad input exits with code 2 and one line on stderr, or `{"error": {"code", "message"}}`
 * on stdout with --json; never a stack trace.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import {
  defineMessages,
  isUserInputError,
  UserInputError,
  type Lang,
  type LocalizedText,
  type MessageParams,
} from '../core/errors.js';

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
  unknown_option: {
    en: 'Unknown option "{option}". Run "gradbot {command} --help" for usage.',
    ru: 'Неизвестный параметр «{option}». Справка: «gradbot {command} --help».',
  },
  missing_value: {
    en: 'Option {option} needs a value (a negative number can be written as {option}=-1). Run "gradbot {command} --help" for usage.',
    ru: 'Параметру {option} нужно значение (отрицательное число можно записать как {option}=-1). Справка: «gradbot {command} --help».',
  },
  unexpected_argument: {
    en: 'Unexpected argument "{arg}". Run "gradbot {command} --help" for usage.',
    ru: 'Лишний аргумент «{arg}». Справка: «gradbot {command} --help».',
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

/** A value that starts with a dash but is a number (`-1`, `-0.5`), not an option. */
const NEGATIVE_NUMBER = /^-(\d|\.\d)/;

/**
 * parseArgs in strict mode whose mistakes become UserInputErrors naming the command.
 * `--seed -1` is read as `--seed=-1` for string options: node:util would call it ambiguous.
 */
export function parseCliArgs<O extends Options>(command: string, argv: string[], options: O) {
  const args: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const next = argv[i + 1];
    const name = a.startsWith('--') ? a.slice(2) : undefined;
    if (name !== undefined && options[name]?.type === 'string' && next !== undefined && NEGATIVE_NUMBER.test(next)) {
      args.push(`${a}=${next}`);
      i++;
    } else {
      args.push(a);
    }
  }
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true, allowNegative: true });
  } catch (e) {
    const code = (e as { code?: string }).code;
    const text = e instanceof Error ? e.message : String(e);
    // node:util's messages are English only; name the option in ours.
    const option = /'(-{1,2}[^' ]+)/.exec(text)?.[1] ?? text.split('\n')[0] ?? '';
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') throw msg.error('missing_value', { command, option });
    throw msg.error('unknown_option', { command, option });
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

/** `Unknown option "--x"`, for commands that parse their arguments by hand. */
export function unknownOption(command: string, option: string): UserInputError {
  return msg.error('unknown_option', { command, option });
}

/** `Option --x needs a value`, for commands that parse their arguments by hand. */
export function missingOptionValue(command: string, option: string): UserInputError {
  return msg.error('missing_value', { command, option });
}

/** `Unexpected argument "..."`. */
export function unexpectedArgument(command: string, arg: string): UserInputError {
  return msg.error('unexpected_argument', { command, arg });
}

/**
 * Any other misuse of a command's arguments, in both languages (code `cli.bad_args`), with a
 * pointer to the command's help. Put user data in params so it is quoted safely.
 */
export function badArgs(command: string, detail: LocalizedText, params: MessageParams = {}): UserInputError {
  return new UserInputError(
    'cli.bad_args',
    {
      en: `${detail.en}. Run "gradbot {command} --help" for usage.`,
      ru: `${detail.ru}. Справка: «gradbot {command} --help».`,
    },
    { ...params, command },
  );
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
