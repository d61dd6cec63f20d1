/**
 * Command-line flags parsed from an OptionSpec list: the one parser of every `gradbot`
 * command (options are data, see ./types.ts).
 *
 * - `--name value` and `--name=value`; a value may start with a minus sign (`--from -3`,
 *   `--answer -20`, `--at -2,0`): only a token that starts with `--` is never a value.
 * - Booleans: `--flag` is true, `--no-flag` is false.
 * - Dashes and underscores in names are the same (`--top-k` is the `top_k` option).
 * - Everything that does not start with `--` is a positional (`-x^2` is an expression, not an
 *   option); after a bare `--` everything is.
 * - Values are typed (integer / number / boolean / string) and, with `checkLimits` (the
 *   default), checked against the spec's choices and bounds by ./values.ts, the rules and
 *   messages (`args.*`) the chat doors use too; numbers take no decimal comma here, since a
 *   comma separates list items (`--at -2,0`). Defaults fill absent options.
 *
 * Mistakes of the command line itself are UserInputErrors with `cli.*` codes, in Russian and
 * English, naming the option and pointing to `gradbot <command> --help`.
 */
import { defineMessages, type UserInputError } from '../core/errors.js';
import type { OptionSpec, OptionValue, ParsedOptions } from './types.js';
import { checkValue, typeValue, type ValueRules } from './values.js';

/** The `cli.*` messages of the command-line syntax (value errors are ./values.ts's `args.*`). */
export const cliMessages = defineMessages('cli', {
  unknown_option: {
    en: 'Unknown option "{option}". Run "gradbot {command} --help" for usage.',
    ru: 'Неизвестный параметр «{option}». Справка: «gradbot {command} --help».',
  },
  missing_value: {
    en: 'Option {option} needs a value (a negative number can be written as {option}=-1). Run "gradbot {command} --help" for usage.',
    ru: 'Параметру {option} нужно значение (отрицательное число можно записать как {option}=-1). Справка: «gradbot {command} --help».',
  },
  flag_value: {
    en: 'Option {option} is a switch and takes no value: write {option} or --no-{name}. Run "gradbot {command} --help" for usage.',
    ru: 'Параметр {option} — переключатель, значение ему не нужно: пишите {option} или --no-{name}. Справка: «gradbot {command} --help».',
  },
  unexpected_argument: {
    en: 'Unexpected argument "{arg}". Run "gradbot {command} --help" for usage.',
    ru: 'Лишний аргумент «{arg}». Справка: «gradbot {command} --help».',
  },
  missing_option: {
    en: 'Option --{option} is required. Run "gradbot {command} --help" for usage.',
    ru: 'Нужен параметр --{option}. Справка: «gradbot {command} --help».',
  },
});

/** What the parser found: typed option values (by spec name) and the positionals in order. */
export interface CliArgs {
  values: ParsedOptions;
  positionals: string[];
}

/** How to parse. */
export interface ParseCliOptions {
  /** The command, for "gradbot <command> --help" in messages. */
  command: string;
  /**
   * Check choices and bounds here (default true). Commands whose feature checks the values
   * itself with a more specific message (spells' temperature, training's epochs) pass false;
   * types are always checked.
   */
  checkLimits?: boolean;
  /** Fill in the specs' defaults for absent options (default true). */
  applyDefaults?: boolean;
}

/** `top-k`, `top_k` and `Top_K` are one name. */
function normalize(name: string): string {
  return name.toLowerCase().replace(/_/g, '-');
}

/** The CLI spelling of an option: `--top-k` for `top_k`. */
export function cliFlag(spec: Pick<OptionSpec, 'name'>): string {
  return `--${normalize(spec.name)}`;
}

/** The CLI's value rules: options named as flags (`--top-k`), no decimal comma. */
export const CLI_VALUE_RULES: ValueRules = { decimalComma: false, optionName: cliFlag };

/**
 * Types a raw value and (optionally) checks it against the spec's choices and bounds, with
 * the rules of ./values.ts (the CLI spelling: no decimal comma, flags named `--name`).
 */
export function typeOptionValue(spec: OptionSpec, raw: string, checkLimits = true): OptionValue {
  return typeValue(spec, raw, CLI_VALUE_RULES, { check: checkLimits });
}

/**
 * Checks a typed value against the spec's choices (strings case-insensitively, also by label;
 * the canonical value is returned) and bounds (numbers by value, strings by length).
 */
export function checkOptionValue(spec: OptionSpec, value: OptionValue): OptionValue {
  return checkValue(spec, value, CLI_VALUE_RULES);
}

/** Parses argv against the specs; see the module comment for the rules. */
export function parseCli(argv: readonly string[], specs: readonly OptionSpec[], opts: ParseCliOptions): CliArgs {
  const { command } = opts;
  const checkLimits = opts.checkLimits ?? true;
  const byName = new Map(specs.map((s) => [normalize(s.name), s]));
  const values: ParsedOptions = {};
  const positionals: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--')) {
      positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const written = eq < 0 ? arg : arg.slice(0, eq);
    const name = normalize(written.slice(2));
    const inline = eq < 0 ? undefined : arg.slice(eq + 1);
    const spec = byName.get(name);
    const negated = spec === undefined && name.startsWith('no-') ? byName.get(name.slice(3)) : undefined;
    if (negated?.type === 'boolean') {
      if (inline !== undefined) throw cliMessages.error('flag_value', { command, option: written, name: name.slice(3) });
      values[negated.name] = false;
      continue;
    }
    if (spec === undefined || spec.type === 'attachment') throw cliMessages.error('unknown_option', { command, option: written });
    if (spec.type === 'boolean') {
      if (inline !== undefined) throw cliMessages.error('flag_value', { command, option: written, name });
      values[spec.name] = true;
      continue;
    }
    let raw = inline;
    if (raw === undefined) {
      const next = argv[i + 1];
      if (next === undefined || next.startsWith('--')) throw cliMessages.error('missing_value', { command, option: written });
      raw = next;
      i++;
    }
    values[spec.name] = typeOptionValue(spec, raw, checkLimits);
  }
  for (const spec of specs) {
    if (values[spec.name] !== undefined) continue;
    if (spec.required) throw cliMessages.error('missing_option', { command, option: normalize(spec.name) });
    if ((opts.applyDefaults ?? true) && spec.default !== undefined) values[spec.name] = spec.default;
  }
  return { values, positionals };
}

/** A string option's value (undefined when absent); a number option is given as text. */
export function stringValue(values: ParsedOptions, name: string): string | undefined {
  const v = values[name];
  return v === undefined ? undefined : String(v);
}

/** A number / integer option's value (undefined when absent). */
export function numberValue(values: ParsedOptions, name: string): number | undefined {
  const v = values[name];
  return typeof v === 'number' ? v : undefined;
}

/** A boolean option's value: true only when set (or defaulted) to true. */
export function booleanValue(values: ParsedOptions, name: string): boolean {
  return values[name] === true;
}

/** `Unexpected argument "..."`, for positionals a command does not take. */
export function unexpectedArgument(command: string, arg: string): UserInputError {
  return cliMessages.error('unexpected_argument', { command, arg });
}
