/**
 * How the quizzes write numbers and counted nouns in each language, and small builders for
 * texts in both languages.
 *
 * One style per language, everywhere: English writes 0.25 and 4,685,824; Russian writes 0,25
 * and 4 685 824 (a decimal comma, and lists that hold a decimal comma use "; " between
 * items). Whole numbers are grouped from five digits on (10 000), as both languages' style
 * guides do; negative numbers get the typographic minus (−2). Formulas a student types (the
 * `f = ...` of a backprop question, a chain-rule answer) are code, not prose: they keep the
 * plain syntax the parser reads.
 */
import type { Lang, LocalizedText } from '../core/errors.js';
import { formatInteger, plural } from '../core/plural.js';
import { NOUNS, type NounId } from './nouns.js';

/** The minus sign of displayed numbers (U+2212): the answer parser reads it too. */
export const MINUS = '\u2212';

/** Significant figures of an approximate number in a text (an exact one is shown in full). */
export const SHOWN_DIGITS = 4;

/** |n| rounded to `digits` significant figures, in plain decimal digits: never e-notation. */
function plainDigits(a: number, digits: number, lang: Lang): string {
  const r = Number.isInteger(a) ? a : Number(a.toPrecision(digits));
  if (Number.isInteger(r) && r < 1e15) return r >= 10000 ? formatInteger(lang, r) : String(r);
  const decimals = Math.max(0, digits - 1 - Math.floor(Math.log10(r)));
  return r.toFixed(Math.min(decimals, 100)).replace(/0+$/, '').replace(/\.$/, '');
}

/**
 * A number for a text: whole numbers in full (grouped from 10 000), others with `digits`
 * significant figures (4 unless asked otherwise), so a tiny probability reads 0.00002134,
 * never 0 or 2.134e-5.
 */
export function num(n: number, lang: Lang = 'en', digits = SHOWN_DIGITS): string {
  if (!Number.isFinite(n)) return String(n);
  const body = plainDigits(Math.abs(n), digits, lang);
  const sign = n < 0 ? MINUS : '';
  return sign + (lang === 'ru' ? body.replace('.', ',') : body);
}

/**
 * A number shown exactly when it is a short decimal (keys such as −2.6024 or 0.375: every
 * digit, up to 12 significant figures), else with `atLeast` significant figures.
 */
export function exact(n: number, lang: Lang = 'en', atLeast = SHOWN_DIGITS): string {
  return num(n, lang, isShortDecimal(n) ? 12 : atLeast);
}

/** True when n has at most 6 significant digits (then `exact` shows it in full). */
export function isShortDecimal(n: number): boolean {
  return Number.isFinite(n) && Number(n.toPrecision(6)) === Number(n.toPrecision(12));
}

/** "= 0.5" when the shown number is exact, "≈ 0.1079" when it is rounded. */
export function eq(n: number, lang: Lang = 'en', digits = SHOWN_DIGITS): string {
  const shownExactly = Number.isInteger(n) || Number(n.toPrecision(digits)) === Number(n.toPrecision(12));
  return `${shownExactly ? '=' : '≈'} ${num(n, lang, digits)}`;
}

/** A number as a factor in a product: negatives in brackets, 2·(−3) rather than 2·−3. */
export function factor(n: number, lang: Lang = 'en', digits = SHOWN_DIGITS): string {
  return n < 0 ? `(${num(n, lang, digits)})` : num(n, lang, digits);
}

/** A signed term after the first one in a sum: "+ 2", "− 3". */
export function term(n: number, lang: Lang = 'en', digits = SHOWN_DIGITS): string {
  return n < 0 ? `${MINUS} ${num(-n, lang, digits)}` : `+ ${num(n, lang, digits)}`;
}

/** The list separator of a language: "; " in Russian when an item has a decimal comma. */
function separator(items: readonly string[], lang: Lang): string {
  return lang === 'ru' && items.some((s) => s.includes(',')) ? '; ' : ', ';
}

/** A vector: [1, 2, 3]; in Russian [0,25; 0,75]. */
export function fmtVector(v: readonly number[], lang: Lang = 'en', digits = SHOWN_DIGITS): string {
  const items = v.map((x) => num(x, lang, digits));
  return `[${items.join(separator(items, lang))}]`;
}

/** Numbers in a running list: "0.5, 0.3" / "0,5; 0,3". */
export function fmtList(v: readonly number[], lang: Lang = 'en', digits = SHOWN_DIGITS): string {
  const items = v.map((x) => num(x, lang, digits));
  return items.join(separator(items, lang));
}

/** A row-major matrix: [[1, 2], [3, 4]]. */
export function fmtMatrix(m: readonly (readonly number[])[], lang: Lang = 'en'): string {
  const rows = m.map((row) => fmtVector(row, lang));
  return `[${rows.join(rows.some((r) => r.includes(';')) ? '; ' : ', ')}]`;
}

/** n and its noun in the right plural form: "1 weight", "5 весов", "262 скрытых нейрона". */
export function count(n: number, noun: NounId, lang: Lang): string {
  return `${num(n, lang)}\u00a0${word(n, noun, lang)}`;
}

/** The noun alone in the form that goes with n ("весов" for 5). */
export function word(n: number, noun: NounId, lang: Lang): string {
  return plural(lang, n, NOUNS[noun][lang]);
}

/** The number helpers of one language, for `tn`. */
export interface NumberStyle {
  lang: Lang;
  /** See `num`. */
  n(x: number, digits?: number): string;
  /** See `exact`. */
  exact(x: number, atLeast?: number): string;
  /** See `eq`. */
  eq(x: number, digits?: number): string;
  factor(x: number, digits?: number): string;
  term(x: number, digits?: number): string;
  vec(v: readonly number[], digits?: number): string;
  /** See `fmtList`. */
  list(v: readonly number[], digits?: number): string;
  mat(m: readonly (readonly number[])[]): string;
  /** See `count`. */
  count(x: number, noun: NounId): string;
  /** See `word`. */
  word(x: number, noun: NounId): string;
}

function style(lang: Lang): NumberStyle {
  return {
    lang,
    n: (x, digits) => num(x, lang, digits),
    exact: (x, atLeast) => exact(x, lang, atLeast),
    eq: (x, digits) => eq(x, lang, digits),
    factor: (x, digits) => factor(x, lang, digits),
    term: (x, digits) => term(x, lang, digits),
    vec: (v, digits) => fmtVector(v, lang, digits),
    list: (v, digits) => fmtList(v, lang, digits),
    mat: (m) => fmtMatrix(m, lang),
    count: (x, noun) => count(x, noun, lang),
    word: (x, noun) => word(x, noun, lang),
  };
}

export const EN: NumberStyle = style('en');
export const RU: NumberStyle = style('ru');

/**
 * A text in both languages whose numbers follow each language's style: `build` is called once
 * with the English helpers (its first string is kept) and once with the Russian ones (its
 * second string is kept), so each sentence is written once with `f.n(x)` in both.
 *
 * ```ts
 * tn((f) => [`w = ${f.n(w)}`, `вес w = ${f.n(w)}`]);
 * ```
 */
export function tn(build: (f: NumberStyle) => readonly [string, string]): LocalizedText {
  return { en: build(EN)[0], ru: build(RU)[1] };
}

/** A text in both languages (no numbers, or numbers that read the same in both). */
export function t(en: string, ru: string): LocalizedText {
  return { en, ru };
}

/** English `fmt` of older call sites: `num(n, 'en')`. */
export function fmt(n: number): string {
  return num(n, 'en');
}

/** Two numbers agree to a relative 1e-9 (with an absolute floor): for key verification. */
export function close(a: number, b: number, rel = 1e-9, abs = 1e-12): boolean {
  return Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) <= Math.max(abs, rel * Math.max(Math.abs(a), Math.abs(b)));
}

/**
 * A display formula in Russian prose: a registry formula such as `max(0.01x, x)` with its
 * decimal points as commas and its argument commas as semicolons (`max(0,01x; x)`) when it has
 * a decimal number; other formulas are returned unchanged.
 */
export function formulaRu(text: string): string {
  if (!/\d\.\d/.test(text)) return text;
  return text.replace(/,\s*/g, '; ').replace(/(\d)\.(\d)/g, '$1,$2');
}

/**
 * An interval in Russian prose: "(−1; 1)", "[≈−0,170; ∞)". Russian writes interval ends with a
 * semicolon, so a decimal comma inside never reads as the separator.
 */
export function intervalRu(text: string): string {
  return text.replace(/(\d)\.(\d)/g, '$1,$2').replace(/,\s+/g, '; ');
}
