/**
 * Reading what a student typed: numbers in the forms people write them (0.5, 1/2, 5e-1, 0,5,
 * −20, ≈ 0.50, ~0.5) and choices by letter (a/b/c or а/б/в), number or text.
 */
import type { LocalizedText } from '../core/errors.js';

/** Longest answer we read at all (an expression included). */
export const MAX_ANSWER_CHARS = 200;

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * Parses a numeric answer, or returns null when it is not a number.
 * Accepts a leading ≈ / ~ / =, a decimal comma, a fraction a/b, exponents and the Unicode minus.
 */
export function parseNumberAnswer(text: string): number | null {
  let s = text.trim().replace(/[\u2212\u2013]/g, '-').replace(/\s+/g, '');
  s = s.replace(/^(?:≈|~|=|≃|≅)+/, '');
  // A decimal comma: "0,5" (a comma between digits, and no dot anywhere).
  if (!s.includes('.') && /^[+-]?\d*,\d+(?:e[+-]?\d+)?$/i.test(s)) s = s.replace(',', '.');
  const slash = s.split('/');
  if (slash.length === 2) {
    const [a, b] = slash as [string, string];
    if (!NUMBER.test(a) || !NUMBER.test(b)) return null;
    const q = Number(a) / Number(b);
    return Number.isFinite(q) ? q : null;
  }
  if (!NUMBER.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** Latin and Cyrillic letters for choices, in order (а, б, в, г as in Russian tests). */
export const LATIN_LETTERS = ['a', 'b', 'c', 'd', 'e', 'f'];
export const CYRILLIC_LETTERS = ['а', 'б', 'в', 'г', 'д', 'е'];

function normalise(s: string): string {
  return s.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[.)]+$/, '').replace(/\u2212/g, '-');
}

/**
 * Parses a choice: a letter ("b", "б", "b)"), a 1-based number ("2") or the text of a choice
 * in either language (case-insensitive). Returns the 0-based index or null.
 */
export function parseChoiceAnswer(text: string, choices: readonly LocalizedText[]): number | null {
  const s = normalise(text);
  if (s === '') return null;
  const byText = choices.findIndex((c) => normalise(c.en) === s || normalise(c.ru) === s);
  if (byText >= 0) return byText;
  const latin = LATIN_LETTERS.indexOf(s);
  if (latin >= 0 && latin < choices.length) return latin;
  const cyr = CYRILLIC_LETTERS.indexOf(s);
  if (cyr >= 0 && cyr < choices.length) return cyr;
  if (/^\d+$/.test(s)) {
    // Numbered labels ("Sample 3", "Class 2") are shown shuffled: a bare number names the
    // label the student means, not the position in the list.
    const labels = choices.map((c) => /\s(\d+)$/.exec(normalise(c.en))?.[1]);
    if (labels.every((l) => l !== undefined) && new Set(labels).size === labels.length) {
      const byLabel = labels.indexOf(String(Number(s)));
      return byLabel >= 0 ? byLabel : null;
    }
    const k = Number(s) - 1;
    if (k >= 0 && k < choices.length) return k;
  }
  return null;
}
