/**
 * Number and text helpers shared by the topic generators: numbers as students write them,
 * and small builders for texts in both languages.
 */
import type { LocalizedText } from '../core/errors.js';

/** A number for a question text: integers as is, others with up to 4 significant digits. */
export function fmt(n: number): string {
  if (Object.is(n, -0)) return '0';
  if (Number.isInteger(n)) return String(n);
  const s = String(Number(n.toPrecision(4)));
  return s.includes('e') ? n.toExponential(3) : s;
}

/** A text in both languages. */
export function t(en: string, ru: string): LocalizedText {
  return { en, ru };
}

/** A row-major matrix as text: [[1, 2], [3, 4]]. */
export function fmtMatrix(m: readonly (readonly number[])[]): string {
  return '[' + m.map((row) => '[' + row.map(fmt).join(', ') + ']').join(', ') + ']';
}

/** A vector as text: [1, 2, 3]. */
export function fmtVector(v: readonly number[]): string {
  return '[' + v.map(fmt).join(', ') + ']';
}

/** Two numbers agree to a relative 1e-9 (with an absolute floor): for key verification. */
export function close(a: number, b: number, rel = 1e-9, abs = 1e-12): boolean {
  return Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) <= Math.max(abs, rel * Math.max(Math.abs(a), Math.abs(b)));
}


/** A number as a factor in a product: negatives in brackets, 2·(−3) rather than 2·-3. */
export function factor(n: number): string {
  return n < 0 ? `(${fmt(n)})` : fmt(n);
}

/** A signed term after the first one in a sum: "+ 2", "− 3". */
export function term(n: number): string {
  return n < 0 ? `− ${fmt(-n)}` : `+ ${fmt(n)}`;
}
