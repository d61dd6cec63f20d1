/**
 * Text-door arguments (`/plot relu,gelu -3 3`, `/quiz id:backprop:17:2`) parsed with a
 * command's `OptionSpec` list, and the checks every option value passes on every door
 * (Discord's structured values go through `checkOptions` too).
 *
 * The grammar, kept small so students can guess it:
 * - tokens are separated by white space; a token that starts with a quote (`"…"`, `'…'`, `«…»`,
 *   `“…”`, `„…“`) runs to the matching closing quote, spaces included; a quote inside a word
 *   (`O'Neil`) is just a letter;
 * - `name:value` and `name=value` set the option `name` when `name` is one of the command's
 *   options (so `id:backprop:17:2` is the option id = `backprop:17:2`, while `backprop:17:2`
 *   alone is a positional value); the value may be quoted (`name:"a b"`);
 * - other tokens fill the options in order, skipping those already set by name, and skipping
 *   an optional option when the value is of another kind (a word for a number, not one of its
 *   choices) and a later option takes it (`/spells 20`: default dataset, count 20);
 * - a `rest` option takes the remaining text as typed, up to the first `name=value` token
 *   when options follow it (`/grad 1 + exp(w0 + w1*x) x=-1 w0=1`), and any option after a
 *   `rest` option takes the rest of the line the same way;
 * - values are typed and checked by ./values.ts, the rules the CLI shares (here numbers also
 *   take a decimal comma, `0,8`); booleans take true/false, yes/no, да/нет, on/off, 1/0.
 * Invisible direction marks and control characters are dropped before parsing.
 */
import { defineMessages } from '../core/errors.js';
import type { OptionSpec, OptionValue, ParsedOptions } from './types.js';
import { isNumberText, TEXT_VALUE_RULES, typeValue, VALUE_TEXTS } from './values.js';

/** The longest argument string a text door may pass (Telegram's own message limit). */
export const MAX_ARGS_CHARS = 4096;

const msg = defineMessages('args', {
  too_long: {
    en: 'The arguments are too long: {length} characters, at most {max}.',
    ru: 'Слишком длинные аргументы: {length} {length|символ|символа|символов}, а можно не больше {max}.',
  },
  unclosed_quote: {
    en: 'The quote before «{near}» is not closed: add the closing {quote}.',
    ru: 'Кавычка перед «{near}» не закрыта: добавьте закрывающую {quote}.',
  },
  unexpected: {
    en: 'Unexpected argument «{value}»: all the options are already given.',
    ru: 'Лишний аргумент «{value}»: все параметры уже заданы.',
  },
  duplicate: {
    en: 'Option «{option}» is given twice.',
    ru: 'Параметр «{option}» задан дважды.',
  },
  unknown_option: {
    en: 'Unknown option «{option}». Options: {options}.',
    ru: 'Неизвестный параметр «{option}». Параметры: {options}.',
  },
  missing: {
    en: 'Option «{option}» is required ({desc_en}).',
    ru: 'Нужен параметр «{option}» ({desc_ru}).',
  },
  // The value errors (bad_number, bad_choice, out_of_range...) are ./values.ts's, shared with the CLI.
  ...VALUE_TEXTS,
});

/** The catalogue of argument errors (codes `args.*`: syntax and values), for tests and help texts. */
export const argsMessages = msg;

// Direction marks, zero-width spaces and the BOM are invisible and break numbers and ids;
// ZWJ/ZWNJ stay (emoji sequences, Persian text).
const INVISIBLE = /[\u200B\u200E\u200F\u202A-\u202E\u2066-\u2069\u061C\uFEFF]/g;
// C0/C1 controls other than tab, line feed and carriage return.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;

/** Drops invisible marks and control characters (tab and line breaks stay). */
export function cleanArgs(s: string): string {
  return s.replace(INVISIBLE, '').replace(CONTROL, '');
}

const QUOTES: Readonly<Record<string, string>> = { '"': '"', "'": "'", '«': '»', '“': '”', '„': '“', '‘': '’' };
const SPACE = /\s/;
/** `name:` / `name=` at the start of a token. */
const NAMED = /^([A-Za-z][\w-]{0,31})[:=]/;
/** Any `word=value` token: where a rest option stops when more options follow. */
const ASSIGNMENT = /^[A-Za-z_]\w*=/;

interface Token {
  /** The value (quotes removed). */
  value: string;
  /** Offsets of the raw token in the cleaned string. */
  start: number;
  end: number;
  /** Set when the token is `name:value` for a known option. */
  option?: OptionSpec;
}

/** Reads a quoted run starting at `i` (a quote char); returns the text and the index after it. */
function readQuoted(s: string, i: number): { text: string; next: number } {
  const open = s[i] as string;
  const close = QUOTES[open] as string;
  let j = i + 1;
  // „…“ closes with “ or ”, as both are in use.
  while (j < s.length && s[j] !== close && !(open === '„' && s[j] === '”')) j++;
  if (j >= s.length) throw msg.error('unclosed_quote', { near: s.slice(i + 1, i + 21), quote: close });
  return { text: s.slice(i + 1, j), next: j + 1 };
}

/** Reads a bare run (up to white space) starting at `i`. */
function readBare(s: string, i: number): { text: string; next: number } {
  let j = i;
  while (j < s.length && !SPACE.test(s[j] as string)) j++;
  return { text: s.slice(i, j), next: j };
}

function readValue(s: string, i: number): { text: string; next: number } {
  const c = s[i];
  return c !== undefined && c in QUOTES ? readQuoted(s, i) : readBare(s, i);
}

function tokenize(s: string, byName: ReadonlyMap<string, OptionSpec>): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < s.length) {
    if (SPACE.test(s[i] as string)) {
      i++;
      continue;
    }
    const start = i;
    const named = NAMED.exec(s.slice(i, i + 34));
    const spec = named ? byName.get((named[1] as string).toLowerCase()) : undefined;
    if (named && spec) {
      const v = readValue(s, i + named[0].length);
      tokens.push({ value: v.text, start, end: v.next, option: spec });
      i = v.next;
      continue;
    }
    const v = readValue(s, i);
    tokens.push({ value: v.text, start, end: v.next });
    i = v.next;
  }
  return tokens;
}

/** Does the value fit the option (type, choices, bounds)? */
function fits(spec: OptionSpec, value: string): boolean {
  try {
    coerceOption(spec, value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Is the value of another kind than the option takes (a word for a number, a value outside
 * the choices)? A number out of range is still a number: that is an error, not a skip.
 */
function otherKind(spec: OptionSpec, value: string): boolean {
  if (spec.choices && spec.choices.length > 0) return !fits(spec, value);
  if (spec.type === 'integer' || spec.type === 'number') return !isNumberText(value, TEXT_VALUE_RULES);
  if (spec.type === 'boolean') return !fits(spec, value);
  return false;
}

/**
 * The positional option a value goes to: the next one, unless that is optional, the value is
 * of another kind, and a later option (before any rest option) is of its kind (`/spells 20`:
 * no dataset, count 20; and `/spells 99` is an error of count). Otherwise the next one, so the
 * error names it.
 */
function fittingSpec(positional: readonly OptionSpec[], p: number, value: string): number {
  for (let q = p; q < positional.length; q++) {
    const spec = positional[q] as OptionSpec;
    // A rest option takes anything, so skipping into it would hide every typo (`/settings colour red`).
    if (spec.rest) return p;
    if (!otherKind(spec, value)) return q;
    if (spec.required) break;
  }
  return p;
}

/** Strips one pair of quotes around a whole rest value (`"a b"` → `a b`). */
function unquoteWhole(raw: string): string {
  const open = raw[0];
  if (open === undefined || !(open in QUOTES) || raw.length < 2) return raw;
  const close = QUOTES[open];
  return raw.endsWith(close as string) && raw.slice(1, -1).indexOf(close as string) < 0 ? raw.slice(1, -1) : raw;
}

const descParams = (spec: OptionSpec) => ({ desc_en: spec.description.en, desc_ru: spec.description.ru });

/**
 * Parses a text door's argument string with the command's options; returns the checked values
 * with defaults filled in. Throws a UserInputError (codes `args.*`) naming the option, the value
 * and the expected form.
 */
export function parseTextOptions(args: string, specs: readonly OptionSpec[]): ParsedOptions {
  if (args.length > MAX_ARGS_CHARS * 2) throw msg.error('too_long', { length: args.length, max: MAX_ARGS_CHARS });
  const s = cleanArgs(args);
  if (s.length > MAX_ARGS_CHARS) throw msg.error('too_long', { length: s.length, max: MAX_ARGS_CHARS });
  const textSpecs = specs.filter((o) => o.type !== 'attachment');
  const byName = new Map(textSpecs.filter((o) => o.named !== false).map((o) => [o.name.toLowerCase(), o] as const));
  const tokens = tokenize(s, byName);
  const raw = new Map<string, string>();
  for (const t of tokens) {
    if (!t.option) continue;
    if (raw.has(t.option.name)) throw msg.error('duplicate', { option: t.option.name });
    raw.set(t.option.name, t.value);
  }
  const positional = textSpecs.filter((o) => !raw.has(o.name));
  let p = 0;
  let greedy = false;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k] as Token;
    if (t.option) continue;
    if (!greedy) p = fittingSpec(positional, p, t.value);
    const spec = positional[p++];
    if (!spec) throw msg.error('unexpected', { value: t.value });
    greedy ||= spec.rest === true;
    if (!greedy) {
      raw.set(spec.name, t.value);
      continue;
    }
    // Takes tokens up to a named option, or up to `word=value` when more options follow.
    const more = p < positional.length;
    let last = k;
    while (last + 1 < tokens.length) {
      const next = tokens[last + 1] as Token;
      if (next.option || (more && ASSIGNMENT.test(next.value))) break;
      last++;
    }
    raw.set(spec.name, unquoteWhole(s.slice(t.start, (tokens[last] as Token).end).trim()));
    k = last;
  }
  const values: ParsedOptions = {};
  for (const [name, v] of raw) if (v !== '') values[name] = v;
  return checkOptions(values, specs);
}

/**
 * Checks and converts one value for its option: text from a text door, or a typed value from
 * Discord (./values.ts, with the chat doors' rules). Throws a UserInputError naming the option,
 * the value and the expected form.
 */
export function coerceOption(spec: OptionSpec, value: OptionValue): OptionValue {
  return typeValue(spec, value, TEXT_VALUE_RULES);
}

/**
 * Checks values given by name (parsed text or Discord's structured options) against the specs:
 * unknown names, types, choices, bounds, required options; fills in defaults. Attachment options
 * are resolved by the door and left out here.
 */
export function checkOptions(values: ParsedOptions, specs: readonly OptionSpec[]): ParsedOptions {
  const known = new Map(specs.map((o) => [o.name, o] as const));
  for (const name of Object.keys(values)) {
    if (!known.has(name)) throw msg.error('unknown_option', { option: name, options: specs.map((o) => o.name).join(', ') || '—' });
  }
  const out: ParsedOptions = {};
  for (const spec of specs) {
    if (spec.type === 'attachment') continue;
    const v = values[spec.name];
    if (v === undefined) {
      if (spec.required) throw msg.error('missing', { option: spec.name, ...descParams(spec) });
      if (spec.default !== undefined) out[spec.name] = spec.default;
      continue;
    }
    out[spec.name] = coerceOption(spec, v);
  }
  return out;
}
