/**
 * Plumbing shared by every `gradbot` subcommand: the options every command takes (--json,
 * --lang), flag parsing from the command's OptionSpec list (src/options/parse-cli.ts), the
 * input/output streams (injectable so tests run commands in-process), and one error policy:
 * bad input exits with code 2 and one line on stderr, or `{"error": {"code", "message"}}`
 * on stdout with --json; never a stack trace.
 */
import { ConfigError } from '../config.js';
import { defineMessages, isUserInputError, UserInputError, type Lang, type LocalizedText, type MessageParams } from '../core/errors.js';
import { parseCli, type CliArgs } from '../options/parse-cli.js';
import type { OptionSpec } from '../options/types.js';

/** Where a command writes. Tests pass collectors; the real CLI passes process streams. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

/** The options every command takes, already read when `run` is called. */
export interface CliContext {
  /** --lang ru|en (default English): texts and errors. */
  lang: Lang;
  /** --json: one JSON document on stdout (errors too). */
  json: boolean;
}

/** One subcommand: `gradbot <name> ...`. */
export interface CliCommand {
  name: string;
  /** One line for `gradbot --help`. */
  summary: string;
  /** Usage lines shown on `gradbot <name> --help`, above the options. */
  usage: string;
  /** The command's flags (not --json and --lang); parsed before `run`, listed in its help. */
  options: readonly OptionSpec[];
  /** Runs with the parsed flags and positionals; resolves to the exit code. */
  run(args: CliArgs, io: CliIo, ctx: CliContext): Promise<number>;
}

export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_USER = 2;

const msg = defineMessages('cli', {
  bad_lang: {
    en: 'Option --lang must be "ru" or "en", got "{value}".',
    ru: 'Параметр --lang должен быть «ru» или «en», а получено «{value}».',
  },
});

/** --json and --lang, shown in every command's help. */
export const COMMON_OPTIONS: readonly OptionSpec[] = Object.freeze([
  {
    name: 'json',
    type: 'boolean',
    description: { en: 'print one JSON document (errors too: {"error": {"code", "message"}})', ru: 'вывести один JSON-документ (и ошибки: {"error": {"code", "message"}})' },
  },
  {
    name: 'lang',
    type: 'string',
    example: 'ru|en',
    description: { en: 'language of texts and errors (default en)', ru: 'язык текстов и сообщений об ошибках (по умолчанию en)' },
  },
] satisfies OptionSpec[]);

/** The --lang value (default English). */
export function langOption(value: string | undefined): Lang {
  if (value === undefined) return 'en';
  if (value === 'en' || value === 'ru') return value;
  throw msg.error('bad_lang', { value });
}

/**
 * Takes --json and --lang out of argv (up to a bare `--`). `--lang` takes the next token
 * unless that is another option: a bare `--lang` is a mistake, not English.
 */
export function commonOptions(argv: readonly string[]): CliContext & { rest: string[] } {
  const rest: string[] = [];
  let json = false;
  let lang: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === '--') {
      rest.push(...argv.slice(i));
      break;
    }
    if (a === '--json') json = true;
    else if (a.startsWith('--lang=')) lang = a.slice('--lang='.length);
    else if (a === '--lang') {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) lang = '';
      else {
        lang = next;
        i++;
      }
    } else rest.push(a);
  }
  return { json, lang: langOption(lang), rest };
}

/** The language to render an error in, even when --lang itself was the error. */
export function peekLang(argv: readonly string[]): Lang {
  const i = argv.indexOf('--lang');
  return (i >= 0 && argv[i + 1] === 'ru') || argv.includes('--lang=ru') ? 'ru' : 'en';
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
 * Runs a command with the error policy: reads --json/--lang and the command's flags, then
 * runs it. User errors exit with 2 (JSON on stdout with --json); a bad environment (.env) is
 * the user's to fix too, and is shown with one line per variable.
 */
export async function runWithPolicy(cmd: CliCommand, argv: string[], io: CliIo): Promise<number> {
  const json = argv.includes('--json');
  const lang = peekLang(argv);
  try {
    const common = commonOptions(argv);
    // Features check their own ranges with more specific messages; flags are typed here.
    const args = parseCli(common.rest, cmd.options, { command: cmd.name, checkLimits: false });
    return await cmd.run(args, io, { lang: common.lang, json: common.json });
  } catch (e) {
    // config.ts words its lines in English only (they name environment variables).
    const user = isUserInputError(e) ? e : e instanceof ConfigError ? new UserInputError('config.invalid', { en: e.message, ru: e.message }) : undefined;
    if (user) {
      const message = user.render(lang);
      if (json) printJson(io, { error: { code: user.code, message } });
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
