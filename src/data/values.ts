/**
 * What a single cell means: missing, infinite, or a number in one of the notations people
 * type (3.14, 3,14 with a decimal comma, 1 234 567 or 1,234,567.5 with thousands separators).
 */

/**
 * Cells that mean "no value" (compared case-insensitively after trimming): spreadsheet errors,
 * R/pandas/SQL spellings, and the placeholders people type.
 */
export const MISSING_TOKENS: ReadonlySet<string> = new Set([
  '', 'nan', '-nan', 'na', 'n/a', 'n.a.', '<na>', 'null', 'none', 'nil', 'missing', 'undefined',
  '-', '--', '?', '.', '#n/a', '#na', '#div/0!', '#value!', '#ref!', '#num!', '#name?', '#null!',
]);

/** Cells that spell infinity; they are treated as missing so training never sees them. */
const INFINITE = /^[+-]?(inf|infinity|∞|1\.#inf)$/i;

/** True for a cell that means "no value". */
export function isMissing(cell: string): boolean {
  // The longest token is 9 characters; skipping longer cells avoids lower-casing every value.
  return cell.length <= 12 && MISSING_TOKENS.has(cell.trim().toLowerCase());
}

/** True for a cell that spells infinity, or a number too large for a double (1e999). */
export function isInfinite(cell: string): boolean {
  const s = cell.trim();
  if (s.length <= 12 && INFINITE.test(s)) return true;
  // Cheap exit: without an exponent only a 300-digit number overflows, and columns.ts turns
  // any non-finite parse into a missing cell anyway.
  if (!s.includes('e') && !s.includes('E')) return false;
  const n = parseNumber(s, 'dot');
  return n !== undefined && !Number.isFinite(n);
}

/**
 * How a column writes numbers. 'dot': 3.14, 1,234.5, 1 234. 'comma': 3,14, 1.234,5, 1 234,5
 * (Russian/European Excel; only when the delimiter is not a comma).
 */
export type NumberStyle = 'dot' | 'comma';

const PLAIN_DOT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED_DOT = /^[+-]?\d{1,3}(?:(?:,\d{3})+|(?:[ \u00A0\u202F]\d{3})+)(?:\.\d+)?$/;
const PLAIN_COMMA = /^[+-]?(?:\d+(?:,\d*)?|,\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED_COMMA = /^[+-]?\d{1,3}(?:(?:\.\d{3})+|(?:[ \u00A0\u202F]\d{3})+)(?:,\d+)?$/;
/** "1.234" in a decimal-comma column is one thousand two hundred thirty-four, not 1.234. */
const DOT_GROUP_ONLY = /^[+-]?\d{1,3}(?:\.\d{3})+$/;

/**
 * The number a cell holds in the given style, or undefined. Infinity may come back (1e999);
 * callers treat it as missing.
 */
export function parseNumber(cell: string, style: NumberStyle): number | undefined {
  const s = cell.trim();
  if (s === '') return undefined;
  if (style === 'dot') {
    if (PLAIN_DOT.test(s)) return Number(s);
    if (GROUPED_DOT.test(s)) return Number(s.replace(/[, \u00A0\u202F]/g, ''));
    return undefined;
  }
  if (PLAIN_COMMA.test(s)) return Number(s.replace(',', '.'));
  if (GROUPED_COMMA.test(s)) return Number(s.replace(/[. \u00A0\u202F]/g, '').replace(',', '.'));
  // A plain 2.5 in a decimal-comma file is still unambiguous.
  if (PLAIN_DOT.test(s) && !DOT_GROUP_ONLY.test(s)) return Number(s);
  return undefined;
}

/** True when the cell reads as a number in any style we accept. */
export function looksNumeric(cell: string): boolean {
  return parseNumber(cell, 'dot') !== undefined || parseNumber(cell, 'comma') !== undefined;
}
