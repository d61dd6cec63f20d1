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
 * - Values are typed (integer / number / boolean / string); with `checkLimits` (the default)
 *   also checked against the spec's choices and bounds. Defaults fill absent options.
 *
 * Mistakes are UserInputErrors with `cli.*` codes, in Russian and English, naming the option
 * and pointing to `gradbot <command> --help`.
 */
import { defineMessages, type UserInputError } from '../core/errors.js';
import type { OptionSpec, OptionValue, ParsedOptions } from './types.js';

/** The `cli.*` messages of option parsing (shared with the CLI's own checks). */
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
  bad_number: {
    en: 'Option --{option} expects a number, got "{value}".',
    ru: 'Параметр --{option} ожидает число, а получено «{value}».',
  },
  bad_integer: {
    en: 'Option --{option} expects a whole number, got "{value}".',
    ru: 'Параметр --{option} ожидает целое число, а получено «{value}».',
  },
  bad_choice: {
    en: 'Option --{option} must be one of: {choices}; got "{value}".',
    ru: 'Параметр --{option} принимает одно из значений: {choices}; получено «{value}».',
  },
  out_of_range: {
    en: 'Option --{option} must be from {min} to {max}, got {value}.',
    ru: 'Параметр --{option} должен быть от {min} до {max}, а получено {value}.',
  },
  too_small: {
    en: 'Option --{option} must be at least {min}, got {value}.',
    ru: 'Параметр --{option} должен быть не меньше {min}, а получено {value}.',
  },
  too_large: {
    en: 'Option --{option} must be at most {max}, got {value}.',
    ru: 'Параметр --{option} должен быть не больше {max}, а получено {value}.',
  },
  bad_length: {
    en: 'Option --{option} must be {min} to {max} characters long, got {length}.',
    ru: 'Длина параметра --{option} должна быть от {min} до {max} символов, а получено {length}.',
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

/** A value as text for messages (numbers as JavaScript prints them). */
function shown(v: OptionValue): string {
  return String(v);
}

/**
 * Types a raw value and (optionally) checks it against the spec's choices and bounds.
 * Exported for the other doors' text arguments, which share the rules and the messages.
 */
export function typeOptionValue(spec: OptionSpec, raw: string, checkLimits = true): OptionValue {
  const option = normalize(spec.name);
  let value: OptionValue;
  switch (spec.type) {
    case 'integer':
    case 'number': {
      const t = raw.trim();
      const n = Number(t);
      if (t === '' || !Number.isFinite(n)) throw cliMessages.error('bad_number', { option, value: raw });
      if (spec.type === 'integer' && !Number.isInteger(n)) throw cliMessages.error('bad_integer', { option, value: raw });
      value = n;
      break;
    }
    case 'boolean': {
      const t = raw.trim().toLowerCase();
      if (['true', 'yes', '1', 'on'].includes(t)) value = true;
      else if (['false', 'no', '0', 'off'].includes(t)) value = false;
      else throw cliMessages.error('bad_choice', { option, choices: 'true, false', value: raw });
      break;
    }
    default:
      value = raw;
  }
  return checkLimits ? checkOptionValue(spec, value) : value;
}

/**
 * Checks a typed value against the spec's choices (strings case-insensitively; the canonical
 * value is returned) and bounds (numbers by value, strings by length).
 */
export function checkOptionValue(spec: OptionSpec, value: OptionValue): OptionValue {
  const option = normalize(spec.name);
  if (spec.choices && spec.choices.length > 0 && typeof value !== 'boolean') {
    const hit = spec.choices.find((c) =>
      typeof c.value === 'number' ? c.value === Number(value) : typeof value === 'string' && c.value.toLowerCase() === value.trim().toLowerCase(),
    );
    if (!hit) throw cliMessages.error('bad_choice', { option, choices: spec.choices.map((c) => String(c.value)).join(', '), value: shown(value) });
    return hit.value;
  }
  if (typeof value === 'number') {
    const { min, max } = spec;
    const tooLow = min !== undefined && value < min;
    const tooHigh = max !== undefined && value > max;
    if ((tooLow || tooHigh) && min !== undefined && max !== undefined) throw cliMessages.error('out_of_range', { option, min, max, value });
    if (tooLow && min !== undefined) throw cliMessages.error('too_small', { option, min, value });
    if (tooHigh && max !== undefined) throw cliMessages.error('too_large', { option, max, value });
  }
  if (typeof value === 'string' && (spec.min !== undefined || spec.max !== undefined)) {
    const length = Array.from(value).length;
    if (length < (spec.min ?? 0) || length > (spec.max ?? Infinity)) {
      throw cliMessages.error('bad_length', { option, min: spec.min ?? 0, max: spec.max ?? Infinity, length });
    }
  }
  return value;
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
