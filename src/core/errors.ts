/**
 * Errors and warnings that are safe to show to a student, in Russian or English.
 *
 * Core code is pure, so the message catalogue lives beside the code that raises the error:
 * a module calls `defineMessages('expr', {...})` once and gets typed `error(...)` and
 * `warning(...)` builders. Everything here is plain data so it can cross a worker boundary
 * (see `toPlain` / `fromPlain`) and be rendered later in the chat's language.
 */

import { pluralCategory } from './plural.js';

/** The two languages every student-facing text is written in. */
export type Lang = 'en' | 'ru';

export const LANGS: readonly Lang[] = ['en', 'ru'];

/** A text in both languages. Templates use `{name}` placeholders filled from params. */
export interface LocalizedText {
  en: string;
  ru: string;
}

/** Parameters of a message: line numbers, column names, limits... */
export type MessageParams = Record<string, string | number | boolean>;

/** A message as plain data: a stable code, its parameters and the templates. */
export interface LocalizedMessage {
  code: string;
  params: MessageParams;
  text: LocalizedText;
}

/** No message quotes more than this many characters of user data (issue #4). */
export const MAX_QUOTED_CHARS = 100;

/** Shortens a quoted piece of user data so a message never echoes a whole file. */
export function truncateQuote(s: string, max = MAX_QUOTED_CHARS): string {
  const chars = Array.from(s);
  return chars.length <= max ? s : chars.slice(0, max - 1).join('') + '…';
}

/**
 * Fills `{name}` placeholders; string params are truncated to MAX_QUOTED_CHARS.
 * `{name|form|form...}` is the word that goes with the number `name`, by Intl.PluralRules:
 * three forms are Russian one/few/many (`{count} {count|вес|веса|весов}` → "21 вес"), two are
 * English one/other (`{count|weight|weights}`).
 */
export function formatTemplate(template: string, params: MessageParams): string {
  return template.replace(/\{(\w+)(?:\|([^{}]*))?\}/g, (whole, key: string, forms: string | undefined) => {
    const v = params[key];
    if (v === undefined) return whole;
    if (forms !== undefined) return typeof v === 'number' ? pluralForm(v, forms.split('|')) : whole;
    if (typeof v === 'number') return formatNumber(v);
    return typeof v === 'string' ? truncateQuote(v) : String(v);
  });
}

function pluralForm(n: number, forms: string[]): string {
  const [one = '', few = one, many = few] = forms;
  const c = pluralCategory(forms.length >= 3 ? 'ru' : 'en', n);
  return c === 'one' ? one : forms.length >= 3 ? (c === 'few' ? few : c === 'many' ? many : few) : few;
}

/** Numbers in messages: integers as-is, others with up to 6 significant digits. */
function formatNumber(v: number): string {
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(6)));
}

/** Renders a message in the given language. */
export function renderMessage(m: LocalizedMessage, lang: Lang): string {
  return formatTemplate(m.text[lang], m.params);
}

/**
 * An error caused by what the user typed or uploaded. Its message is safe to show as is
 * (no stack, no internals); `render(lang)` gives it in Russian or English.
 */
export class UserInputError extends Error implements LocalizedMessage {
  readonly code: string;
  readonly params: MessageParams;
  readonly text: LocalizedText;

  constructor(code: string, text: LocalizedText, params: MessageParams = {}) {
    super(formatTemplate(text.en, params));
    this.name = 'UserInputError';
    this.code = code;
    this.params = params;
    this.text = text;
  }

  /** The message in the chat's language. */
  render(lang: Lang): string {
    return renderMessage(this, lang);
  }

  /** Plain data for postMessage / JSON. */
  toPlain(): LocalizedMessage {
    return { code: this.code, params: this.params, text: this.text };
  }

  /** Rebuilds an error that crossed a worker boundary as plain data. */
  static fromPlain(m: LocalizedMessage): UserInputError {
    return new UserInputError(m.code, m.text, m.params);
  }
}

/** True for a UserInputError, also one rebuilt from plain data in another realm. */
export function isUserInputError(e: unknown): e is UserInputError {
  return e instanceof UserInputError || (e instanceof Error && e.name === 'UserInputError' && 'code' in e);
}

/**
 * Declares a module's messages once. Codes are `<scope>.<key>`.
 *
 * ```ts
 * const msg = defineMessages('expr', {
 *   unknown_function: { en: 'Unknown function "{name}".', ru: 'Неизвестная функция «{name}».' },
 * });
 * throw msg.error('unknown_function', { name });
 * ```
 */
export function defineMessages<K extends string>(scope: string, texts: Record<K, LocalizedText>) {
  return {
    texts,
    /** A UserInputError with code `<scope>.<key>`. */
    error(key: K, params: MessageParams = {}): UserInputError {
      return new UserInputError(`${scope}.${key}`, texts[key], params);
    },
    /** A warning (plain data) with code `<scope>.<key>`. */
    warning(key: K, params: MessageParams = {}): LocalizedMessage {
      return { code: `${scope}.${key}`, params, text: texts[key] };
    },
  };
}
