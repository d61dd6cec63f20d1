/**
 * Reading what a student typed: numbers in the forms people write them (0.5, 1/2, 5e-1, 0,5,
 * −20, ≈ 0.50, ~0.5, 4 685 824, 4,685,824) and choices by letter (a/b/c or а/б/в), position
 * or text.
 */
import type { LocalizedText } from '../core/errors.js';

/** Longest answer we read at all (an expression included). */
export const MAX_ANSWER_CHARS = 200;

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
/** 4,685,824 or 1,024.5: commas between groups of three digits. */
const GROUPED = /^[+-]?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?$/;
/** 0,5 or -2,6024: a decimal comma. */
const DECIMAL_COMMA = /^[+-]?\d*,\d+(?:e[+-]?\d+)?$/i;
/** 1,024: a decimal comma (Russian) or a thousands separator (English); both are read. */
const AMBIGUOUS = /^[+-]?[1-9]\d{0,2},\d{3}$/;

function plainNumber(s: string): number | null {
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

/**
 * Every value a numeric answer can mean: none when it is not a number, two for "1,024"
 * (1.024 with a decimal comma, 1024 with a thousands comma), one otherwise.
 * Accepts a leading ≈ / ~ / =, spaces between digit groups, a decimal comma, a fraction a/b,
 * exponents and the Unicode minus.
 */
export function numberReadings(text: string): number[] {
  const s = text.replace(/[\u2212\u2013]/g, '-').replace(/\s+/g, '').replace(/^(?:≈|~|=|≃|≅)+/, '');
  if (AMBIGUOUS.test(s)) return [Number(s.replace(',', '.')), Number(s.replace(',', ''))];
  if (GROUPED.test(s)) return [Number(s.replace(/,/g, ''))];
  const n = plainNumber(DECIMAL_COMMA.test(s) ? s.replace(',', '.') : s);
  return n === null ? [] : [n];
}

/** The first reading of a numeric answer (see numberReadings), or null when it is not a number. */
export function parseNumberAnswer(text: string): number | null {
  return numberReadings(text)[0] ?? null;
}

/** Latin and Cyrillic letters for choices, in order (а, б, в, г as in Russian tests). */
export const LATIN_LETTERS = ['a', 'b', 'c', 'd', 'e', 'f'];
export const CYRILLIC_LETTERS = ['а', 'б', 'в', 'г', 'д', 'е'];

function normalise(s: string): string {
  return s.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[.)]+$/, '').replace(/\u2212/g, '-');
}

/**
 * Parses a choice: a letter ("b", "б", "b)"), a 1-based position ("2": always the position,
 * like the letter б), the text of a choice in either language (case-insensitive), or a letter
 * with its text ("b) Tanh", as the key is shown).
 * Returns the 0-based index or null.
 */
export function parseChoiceAnswer(text: string, choices: readonly LocalizedText[]): number | null {
  const s = normalise(text);
  // "b) Tanh", as the key is written: the letter, and the text must be that choice's
  const labelled = /^([a-fа-е])\)\s*(.+)$/.exec(s);
  if (labelled) {
    const k = parseChoiceAnswer(labelled[1]!, choices);
    return k !== null && parseChoiceAnswer(labelled[2]!, choices) === k ? k : null;
  }
  if (/^\d+$/.test(s)) {
    const k = Number(s) - 1;
    return k >= 0 && k < choices.length ? k : null;
  }
  const latin = LATIN_LETTERS.indexOf(s);
  if (latin >= 0) return latin < choices.length ? latin : null;
  const cyr = CYRILLIC_LETTERS.indexOf(s);
  if (cyr >= 0) return cyr < choices.length ? cyr : null;
  const byText = choices.findIndex((c) => normalise(c.en) === s || normalise(c.ru) === s);
  return byText >= 0 ? byText : null;
}

/**
 * True when a choice's text could be taken for a position: a bare number ("2") or a label that
 * ends in one ("Class 2"). Generated choices never look like this.
 */
export function looksNumbered(choice: string): boolean {
  return /(?:^|\s)[+-]?\d+(?:[.,]\d+)?\s*$/.test(choice.trim());
}
