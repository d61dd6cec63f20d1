/**
 * Plural forms and number formatting for student-facing text, through Intl (CLDR rules):
 * 1 балл, 2 балла, 5 баллов, 11 баллов, 21 балл; 1 point, 2 points.
 * Pure: Intl is part of the language, not I/O.
 */
import type { Lang } from './errors.js';

/** The word forms a plural needs. Russian uses one/few/many; English one/other. */
export interface PluralForms {
  one: string;
  few?: string;
  many?: string;
  other: string;
}

const rules: Record<Lang, Intl.PluralRules> = {
  en: new Intl.PluralRules('en'),
  ru: new Intl.PluralRules('ru'),
};

/** The CLDR category of n in the language ('one' | 'few' | 'many' | 'other'). */
export function pluralCategory(lang: Lang, n: number): Intl.LDMLPluralRule {
  return rules[lang].select(n);
}

/** The word form for n: `plural('ru', 21, {one: 'балл', few: 'балла', many: 'баллов', other: 'балла'})` → 'балл'. */
export function plural(lang: Lang, n: number, forms: PluralForms): string {
  const c = pluralCategory(lang, n);
  if (c === 'one') return forms.one;
  if (c === 'few') return forms.few ?? forms.other;
  if (c === 'many') return forms.many ?? forms.other;
  return forms.other;
}

const integerFormat: Record<Lang, Intl.NumberFormat> = {
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 }),
  ru: new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 0 }),
};

/** Whole numbers with the language's grouping: 4,685,824 / 4 685 824 (no-break spaces). */
export function formatInteger(lang: Lang, n: number): string {
  return integerFormat[lang].format(n);
}

/** `n` and its word: `countOf('ru', 5, forms)` → '5 баллов' (grouped, no-break space before the word). */
export function countOf(lang: Lang, n: number, forms: PluralForms): string {
  return `${Number.isInteger(n) ? formatInteger(lang, n) : String(n)}\u00a0${plural(lang, n, forms)}`;
}
