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

/**
 * A formula from the activation registry as the language writes it. Russian: decimal commas,
 * and then "; " between arguments and cases so a decimal comma never reads as a separator
 * (max(0.01x, x) -> max(0,01x; x)); formulas without decimals stay as they are.
 */
export function formulaText(text: string, lang: Lang): string {
  if (lang !== 'ru' || !/\d\.\d/.test(text)) return text;
  return text.replace(/,\s*/g, '; ').replace(/(\d)\.(\d)/g, '$1,$2');
}
