/**
 * Points, counts and seconds as a native speaker writes them: «0,8 балла», «1 балл»,
 * «5 баллов», «2 вопроса», «21 секунда»; "0.8 points", "1 point". Plural forms come from
 * src/core/plural.ts (CLDR rules through Intl.PluralRules): a fraction takes the genitive
 * singular in Russian («0,2 балла»), which is CLDR's `other`.
 */
import type { Lang } from '../../core/errors.js';
import { plural, type PluralForms } from '../../core/plural.js';

const decimal: Record<Lang, Intl.NumberFormat> = {
  en: new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }),
  ru: new Intl.NumberFormat('ru-RU', { maximumFractionDigits: 2 }),
};

/** A number with at most two decimals in the language's style: 0.8 / 0,8. */
export function formatDecimal(lang: Lang, n: number): string {
  // Intl's minus is a hyphen; the typographic minus reads better next to a number.
  return n < 0 ? `\u2212${decimal[lang].format(-n)}` : decimal[lang].format(n);
}

/** Word forms used in quiz and round texts. */
export const FORMS = {
  point: { en: { one: 'point', other: 'points' }, ru: { one: 'балл', few: 'балла', many: 'баллов', other: 'балла' } },
  question: { en: { one: 'question', other: 'questions' }, ru: { one: 'вопрос', few: 'вопроса', many: 'вопросов', other: 'вопроса' } },
  second: { en: { one: 'second', other: 'seconds' }, ru: { one: 'секунда', few: 'секунды', many: 'секунд', other: 'секунды' } },
  correctAnswer: {
    en: { one: 'correct answer', other: 'correct answers' },
    ru: { one: 'верный ответ', few: 'верных ответа', many: 'верных ответов', other: 'верного ответа' },
  },
  person: { en: { one: 'person', other: 'people' }, ru: { one: 'человек', few: 'человека', many: 'человек', other: 'человека' } },
  hint: { en: { one: 'hint', other: 'hints' }, ru: { one: 'подсказка', few: 'подсказки', many: 'подсказок', other: 'подсказки' } },
} satisfies Record<string, Record<Lang, PluralForms>>;

export type FormName = keyof typeof FORMS;

/** `n` and its word, with a no-break space: «0,8 балла», «5 вопросов», "1 point". */
export function countOf(lang: Lang, n: number, form: FormName): string {
  return `${formatDecimal(lang, n)}\u00a0${plural(lang, Math.abs(n), FORMS[form][lang])}`;
}

/** Points: «1 балл», «0,8 балла», «5 баллов». */
export function points(lang: Lang, n: number): string {
  return countOf(lang, n, 'point');
}

/** A point cost: «−0,2 балла», "−0.2 points". */
export function cost(lang: Lang, n: number): string {
  return `\u2212${points(lang, Math.abs(n))}`;
}
