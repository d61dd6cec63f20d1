/**
 * Typing and checking one option value against its `OptionSpec`: the rules every door shares.
 * The CLI (./parse-cli.ts) and the chat doors (./parse-text.ts, and Discord's structured values)
 * differ only in syntax, so they find a value their own way and hand it here:
 *
 * - numbers: `-3`, `2.5`, `.5`, `1e-3`, `+4`, the Unicode minus `−2`; a decimal comma (`0,8`)
 *   where the door allows it (chat; on the CLI a comma separates list items, `--at -2,0`);
 *   `integer` options take any of these that is a whole number (`20`, `2.0`, `1e3`);
 * - booleans: true/false, yes/no, y/n, on/off, 1/0, да/нет, д/н, вкл/выкл;
 * - strings: trimmed;
 * - choices: by value or by the choice's ru/en label, any case; the canonical value is returned;
 * - bounds: `min`/`max` bound a number's value and a string's length (in characters).
 *
 * Mistakes are UserInputErrors with `args.*` codes, in Russian and English, that name the
 * option (as the door writes it: `--top-k` on the CLI, `top_k` in a chat), the value and the
 * expected form.
 */
import { defineMessages, LANGS, type Lang, type LocalizedText } from '../core/errors.js';
import type { OptionSpec, OptionValue } from './types.js';

/** How a door writes values and names options. */
export interface ValueRules {
  /** `0,8` is 0.8 (chat doors). */
  decimalComma: boolean;
  /** The option as messages name it: `--top-k` on the CLI, `top_k` in a chat. */
  optionName(spec: OptionSpec): string;
}

/** The chat doors' rules: decimal comma, options named as in `name:value`. */
export const TEXT_VALUE_RULES: ValueRules = { decimalComma: true, optionName: (spec) => spec.name };

/**
 * The texts of the value errors, one set for every door; ./parse-text.ts adds its syntax
 * errors to the same `args` scope.
 */
export const VALUE_TEXTS = {
  bad_integer: {
    en: 'Option «{option}» expects a whole number, e.g. {example}; got «{value}».',
    ru: 'Параметр «{option}» ожидает целое число, например {example}; получено «{value}».',
  },
  bad_number: {
    en: 'Option «{option}» expects a number, e.g. {example}; got «{value}».',
    ru: 'Параметр «{option}» ожидает число, например {example}; получено «{value}».',
  },
  bad_boolean: {
    en: 'Option «{option}» expects yes or no (true/false, 1/0); got «{value}».',
    ru: 'Параметр «{option}» ожидает «да» или «нет» (true/false, 1/0); получено «{value}».',
  },
  bad_string: {
    en: 'Option «{option}» expects text; got «{value}».',
    ru: 'Параметр «{option}» ожидает текст; получено «{value}».',
  },
  bad_choice: {
    en: 'Option «{option}» must be one of: {choices}; got «{value}».',
    ru: 'Параметр «{option}» может быть одним из: {choices}; получено «{value}».',
  },
  out_of_range: {
    en: 'Option «{option}» must be from {min} to {max}; got {value}.',
    ru: 'Параметр «{option}» должен быть от {min} до {max}; получено {value}.',
  },
  too_small: {
    en: 'Option «{option}» must be at least {min}; got {value}.',
    ru: 'Параметр «{option}» должен быть не меньше {min}; получено {value}.',
  },
  too_large: {
    en: 'Option «{option}» must be at most {max}; got {value}.',
    ru: 'Параметр «{option}» должен быть не больше {max}; получено {value}.',
  },
  length_range: {
    en: 'Option «{option}» must have {min} to {max} {max|character|characters}; got {length}.',
    ru: 'В параметре «{option}» должно быть от {min} до {max} {max|символа|символов|символов}; получено {length}.',
  },
  too_few_chars: {
    en: 'Option «{option}» must have at least {min} {min|character|characters}; got {length}.',
    ru: 'В параметре «{option}» должно быть не меньше {min} {min|символа|символов|символов}; получено {length}.',
  },
  too_many_chars: {
    en: 'Option «{option}» must have at most {max} {max|character|characters}; got {length}.',
    ru: 'В параметре «{option}» должно быть не больше {max} {max|символа|символов|символов}; получено {length}.',
  },
  attachment: {
    en: 'Option «{option}» is a file: attach it to the message.',
    ru: 'Параметр «{option}» — файл: прикрепите его к сообщению.',
  },
} as const satisfies Record<string, LocalizedText>;

/** The value errors (codes `args.*`). */
export const valueMessages = defineMessages('args', VALUE_TEXTS);

const NUMBER_POINT = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
const NUMBER_COMMA = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)(e[+-]?\d+)?$/i;
const TRUE = new Set(['true', 'yes', 'y', 'on', '1', 'да', 'д', 'вкл']);
const FALSE = new Set(['false', 'no', 'n', 'off', '0', 'нет', 'н', 'выкл']);

/**
 * A number as people type it (see the module comment), or undefined when the text is not one.
 * Overflowing numbers (`1e999`) come back as ±Infinity, so callers can say "not a number"
 * rather than "out of range".
 */
export function readNumber(text: string, decimalComma: boolean): number | undefined {
  const t = text.trim().replace(/\u2212/g, '-');
  if (!(decimalComma ? NUMBER_COMMA : NUMBER_POINT).test(t)) return undefined;
  return Number(decimalComma ? t.replace(',', '.') : t);
}

/** Is the text written like a number (whatever its value)? Tells a number from a word. */
export function isNumberText(text: string, rules: Pick<ValueRules, 'decimalComma'>): boolean {
  return readNumber(text, rules.decimalComma) !== undefined;
}

function exampleFor(spec: OptionSpec): string {
  if (spec.example !== undefined) return spec.example;
  if (spec.min !== undefined) return String(spec.min);
  return spec.type === 'integer' ? '3' : '0.5';
}

function choiceList(spec: OptionSpec): string {
  return (spec.choices ?? []).map((c) => String(c.value)).join(', ');
}

/** A choice by value or by its ru/en label, case-insensitively; the canonical value. */
function pickChoice(spec: OptionSpec, v: string | number, rules: ValueRules): string | number {
  const choices = spec.choices ?? [];
  const key = String(v).trim().toLowerCase();
  for (const c of choices) {
    if (String(c.value).toLowerCase() === key) return c.value;
    if (LANGS.some((l: Lang) => c.label[l].toLowerCase() === key)) return c.value;
  }
  throw valueMessages.error('bad_choice', { option: rules.optionName(spec), choices: choiceList(spec), value: String(v) });
}

function checkRange(spec: OptionSpec, n: number, rules: ValueRules): void {
  const { min, max } = spec;
  const option = rules.optionName(spec);
  if (min !== undefined && max !== undefined && (n < min || n > max)) throw valueMessages.error('out_of_range', { option, min, max, value: n });
  if (min !== undefined && n < min) throw valueMessages.error('too_small', { option, min, value: n });
  if (max !== undefined && n > max) throw valueMessages.error('too_large', { option, max, value: n });
}

function checkLength(spec: OptionSpec, v: string, rules: ValueRules): void {
  const { min, max } = spec;
  const length = Array.from(v).length;
  const option = rules.optionName(spec);
  if (min !== undefined && max !== undefined && (length < min || length > max)) throw valueMessages.error('length_range', { option, min, max, length });
  if (min !== undefined && length < min) throw valueMessages.error('too_few_chars', { option, min, length });
  if (max !== undefined && length > max) throw valueMessages.error('too_many_chars', { option, max, length });
}

/** Options of `typeValue`. */
export interface TypeValueOptions {
  /**
   * Also check the choices and bounds (default true). The CLI turns it off for commands whose
   * feature checks the value itself with a more specific message.
   */
  check?: boolean;
}

/**
 * Types a value for its option (text from a door, or a typed value from Discord) and, unless
 * `check` is false, checks it against the choices and bounds. Throws a UserInputError naming
 * the option, the value and the expected form.
 */
export function typeValue(spec: OptionSpec, value: OptionValue, rules: ValueRules, opts: TypeValueOptions = {}): OptionValue {
  const check = opts.check ?? true;
  const option = rules.optionName(spec);
  switch (spec.type) {
    case 'attachment':
      throw valueMessages.error('attachment', { option });
    case 'boolean': {
      if (typeof value === 'boolean') return value;
      const key = String(value).trim().toLowerCase();
      if (TRUE.has(key)) return true;
      if (FALSE.has(key)) return false;
      throw valueMessages.error('bad_boolean', { option, value: String(value) });
    }
    case 'integer':
    case 'number': {
      const isInt = spec.type === 'integer';
      const n = typeof value === 'number' ? value : typeof value === 'string' ? readNumber(value, rules.decimalComma) : undefined;
      // A choice label ("неделя") may stand for a numeric value.
      if (n === undefined && check && spec.choices && typeof value === 'string') return pickChoice(spec, value, rules);
      if (n === undefined || !Number.isFinite(n) || (isInt && !Number.isSafeInteger(n))) {
        throw valueMessages.error(isInt ? 'bad_integer' : 'bad_number', { option, value: String(value), example: exampleFor(spec) });
      }
      return check ? checkValue(spec, n, rules) : n;
    }
    case 'string': {
      if (typeof value !== 'string') throw valueMessages.error('bad_string', { option, value: String(value) });
      const v = value.trim();
      return check ? checkValue(spec, v, rules) : v;
    }
  }
}

/**
 * Checks a typed value against the spec's choices (the canonical value is returned) and
 * bounds: a number's value, a string's length. Booleans pass as they are.
 */
export function checkValue(spec: OptionSpec, value: OptionValue, rules: ValueRules): OptionValue {
  if (typeof value === 'boolean') return value;
  const picked = spec.choices && spec.choices.length > 0 ? pickChoice(spec, value, rules) : value;
  if (typeof value === 'number') checkRange(spec, value, rules);
  else if (!spec.choices || spec.choices.length === 0) checkLength(spec, value, rules);
  return picked;
}
