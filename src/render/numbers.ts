/**
 * Numbers on pictures, written the way the picture's language writes them: in Russian a
 * decimal comma and the minus sign U+2212 (−0,5), in English as JavaScript prints them
 * (-0.5). Float noise is cut off (0.30000000000000004 -> 0.3).
 */
import type { Lang } from '../core/errors.js';

/** A number with at most `digits` significant digits, in the language's style. */
export function pictureNumber(v: number, lang: Lang, digits = 6): string {
  const s = Number.isFinite(v) ? String(Number(v.toPrecision(digits))) : String(v);
  return localizeNumberText(s, lang);
}

/** A number already printed the JavaScript way ("-1.5e-7"), rewritten for the language. */
export function localizeNumberText(s: string, lang: Lang): string {
  return lang === 'ru' ? s.replace('.', ',').replace(/-/g, '−') : s;
}

/** The BCP 47 locale chart.js formats with (its own tick formatter, if one is ever used). */
export function chartLocale(lang: Lang): string {
  return lang === 'ru' ? 'ru-RU' : 'en-US';
}
