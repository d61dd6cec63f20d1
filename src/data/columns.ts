/**
 * Column typing: each column becomes numeric, categorical, or dropped with a reason. Values
 * are cleaned but not imputed: a missing or infinite cell becomes NaN, which the Preprocessor
 * fills from the training rows only (so the test rows never leak into the fill values).
 */
import type { LocalizedMessage } from '../core/errors.js';
import { msg } from './messages.js';
import { isInfinite, isMissing, parseNumber, type NumberStyle } from './values.js';

/** A cleaned feature value: a number, a category string, or NaN for missing. */
export type FeatureValue = number | string;

/** A feature column that is kept. */
export interface ColumnInfo {
  name: string;
  kind: 'numeric' | 'categorical';
  /** Categorical levels seen in the whole file (sorted); the Preprocessor keeps the training ones. */
  categories?: string[];
}

/** Why a column was not used. */
export type DropReason = 'empty' | 'constant' | 'id_like' | 'free_text' | 'date' | 'too_many_levels';

/** The outcome of typing one column. */
export type TypedColumn =
  | { kept: true; info: ColumnInfo; values: FeatureValue[]; missing: number; infinite: number; warnings: LocalizedMessage[] }
  | { kept: false; reason: DropReason; warning: LocalizedMessage; infinite: number };

/** Names that announce an identifier column (pandas writes its index as "Unnamed: 0"). */
const ID_NAME = /^(id|_id|.*[_\s-]id|index|idx|№|#|no\.?|row|row_?(num|number|id)|unnamed:\s*0|uuid|guid|key)$/i;

/** 2024-01-31, 31.01.2024, 1/31/2024, optionally followed by a time. */
const DATE = /^(\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4})([ T]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/** Share of cells a numeric column may hold that are not numbers (they become missing). */
const MAX_JUNK_SHARE = 0.1;

/** Deterministic, human order for categories: numeric-aware, case-sensitive ties broken by code point. */
export function compareLevels(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true }) || (a < b ? -1 : a > b ? 1 : 0);
}

/** Parses a column's numbers in the style that reads most of its cells. */
export function bestNumberStyle(cells: string[], allowComma: boolean): { style: NumberStyle; parsed: number } {
  let dot = 0;
  let comma = 0;
  for (const c of cells) {
    const d = parseNumber(c, 'dot') !== undefined;
    if (d) dot++;
    // Without a comma or dot, both styles read a cell alike; only parse again when they may differ.
    if (allowComma && (c.includes(',') || c.includes('.') || /\s/.test(c) ? parseNumber(c, 'comma') !== undefined : d)) comma++;
  }
  // A tie with commas present ("1,250;3,737" in a semicolon file) means every comma has three
  // digits after it. Files that are not comma-separated come from locales that write decimal
  // commas, so those are decimals (with the decimal_comma warning), not thousands separators.
  const tieWithCommas = allowComma && comma === dot && comma > 0 && cells.some((c) => c.includes(','));
  return comma > dot || tieWithCommas ? { style: 'comma', parsed: comma } : { style: 'dot', parsed: dot };
}

/** Options for typing a column. */
export interface TypeOptions {
  /** Decimal commas are allowed (the delimiter is not a comma). */
  allowComma: boolean;
  /** Most categorical levels before the column is dropped. */
  maxCategories: number;
  /** File line of each cell, for messages. */
  lines: number[];
  /** Force a kind (a test file read with a trained model's schema); no dropping then. */
  forceKind?: ColumnInfo['kind'];
}

/** Types one column of trimmed cells (see the module comment). */
export function typeColumn(name: string, cells: string[], opts: TypeOptions): TypedColumn {
  // Classify each cell once: missing, infinite, or present (then parsed once per style).
  const present: string[] = [];
  const state = new Uint8Array(cells.length); // 0 present, 1 missing, 2 infinite
  let infinite = 0;
  cells.forEach((c, i) => {
    if (isMissing(c)) state[i] = 1;
    else if (isInfinite(c)) {
      state[i] = 2;
      infinite++;
    } else present.push(c);
  });
  const forced = opts.forceKind;
  if (!forced && present.length === 0) {
    return { kept: false, reason: 'empty', warning: msg.warning('column_dropped_empty', { column: name }), infinite };
  }
  const { style, parsed } = bestNumberStyle(present, opts.allowComma);
  const numeric = forced ? forced === 'numeric' : present.length > 0 && parsed >= (1 - MAX_JUNK_SHARE) * present.length;
  const warnings: LocalizedMessage[] = [];
  if (numeric) {
    let junk = 0;
    let firstJunk = -1;
    const values = cells.map((c, i): number => {
      if (state[i] !== 0) return NaN;
      const v = parseNumber(c, style);
      if (v === undefined || !Number.isFinite(v)) {
        junk++;
        if (firstJunk < 0) firstJunk = i;
        return NaN;
      }
      return v;
    });
    if (junk > 0) {
      warnings.push(
        msg.warning('non_numeric_cells', { column: name, count: junk, line: opts.lines[firstJunk] ?? 0, example: cells[firstJunk] ?? '' }),
      );
    }
    const distinct = new Set(values.filter((v) => !Number.isNaN(v)));
    if (!forced) {
      if (distinct.size === 1) {
        const [only] = distinct;
        return { kept: false, reason: 'constant', warning: msg.warning('column_dropped_constant', { column: name, value: String(only) }), infinite };
      }
      if (looksLikeNumericId(name, values, distinct.size)) {
        return { kept: false, reason: 'id_like', warning: msg.warning('column_dropped_id', { column: name }), infinite };
      }
    }
    if (style === 'comma' && present.some((c) => c.includes(','))) warnings.push(msg.warning('decimal_comma', { columns: name }));
    const missing = values.filter((v) => Number.isNaN(v)).length;
    return { kept: true, info: { name, kind: 'numeric' }, values, missing, infinite, warnings };
  }
  const values = cells.map((c, i): FeatureValue => (state[i] !== 0 ? NaN : c));
  const counts = new Map<string, number>();
  for (const c of present) counts.set(c, (counts.get(c) ?? 0) + 1);
  if (!forced) {
    const drop = categoricalDropReason(name, present, counts, opts.maxCategories);
    if (drop) return { kept: false, reason: drop.reason, warning: drop.warning, infinite };
  }
  const missing = cells.length - present.length;
  const categories = [...counts.keys()].sort(compareLevels);
  return { kept: true, info: { name, kind: 'categorical', categories }, values, missing, infinite, warnings };
}

/** Consecutive whole numbers (1, 2, 3...) or an id-like name with all-distinct values. */
function looksLikeNumericId(name: string, values: number[], distinct: number): boolean {
  const present = values.filter((v) => !Number.isNaN(v));
  if (distinct !== present.length || present.length < 10) return false;
  if (ID_NAME.test(name.trim())) return true;
  if (!present.every((v) => Number.isInteger(v))) return false;
  // A row counter: every step is +1 (or -1).
  let steps = 0;
  for (let i = 1; i < present.length; i++) {
    if (Math.abs((present[i] as number) - (present[i - 1] as number)) === 1) steps++;
  }
  return steps === present.length - 1;
}

function categoricalDropReason(
  name: string,
  present: string[],
  counts: Map<string, number>,
  maxCategories: number,
): { reason: DropReason; warning: LocalizedMessage } | undefined {
  const distinct = counts.size;
  if (distinct === 1) {
    const [only] = counts.keys();
    return { reason: 'constant', warning: msg.warning('column_dropped_constant', { column: name, value: only ?? '' }) };
  }
  const allUnique = distinct === present.length && present.length >= 10;
  if (distinct <= maxCategories && !allUnique) return undefined;
  // Dates and timestamps: many levels that would be useful as numbers, not as categories.
  if (present.filter((c) => DATE.test(c)).length >= 0.9 * present.length) {
    return { reason: 'date', warning: msg.warning('column_dropped_date', { column: name, distinct }) };
  }
  // Sentences (spaces, long) are free text; short unique codes are identifiers.
  const wordy = present.filter((c) => /\s/.test(c) || c.length > 30).length > present.length / 2;
  if (wordy) return { reason: 'free_text', warning: msg.warning('column_dropped_free_text', { column: name, distinct }) };
  if (allUnique || ID_NAME.test(name.trim())) return { reason: 'id_like', warning: msg.warning('column_dropped_id', { column: name }) };
  return {
    reason: 'too_many_levels',
    warning: msg.warning('column_dropped_levels', { column: name, distinct, limit: maxCategories }),
  };
}
