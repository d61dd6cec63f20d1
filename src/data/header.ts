/**
 * Column names. The first record is a header unless it looks like data: a header cell is text
 * above a column of numbers, a data cell is a number above numbers. Names are cleaned up:
 * empty ones become `column_N`, repeats become `age_2`, `age_3` (never merged).
 */
import type { LocalizedMessage } from '../core/errors.js';
import { msg } from './messages.js';
import { isInfinite, isMissing, looksNumeric } from './values.js';

/** The column names and whether the first record was consumed as a header. */
export interface HeaderResult {
  names: string[];
  hasHeader: boolean;
  warnings: LocalizedMessage[];
}

/** Of the body cells in column j (first `sample` rows), the share that are numeric. */
function numericShare(body: string[][], j: number): number {
  let numeric = 0;
  let present = 0;
  for (const row of body) {
    const cell = row[j] ?? '';
    if (isMissing(cell)) continue;
    present++;
    if (looksNumeric(cell) || isInfinite(cell)) numeric++;
  }
  return present ? numeric / present : 0;
}

/** Decides whether `first` is a header, looking at up to 200 rows below it. */
export function looksLikeHeader(first: string[], body: string[][]): boolean {
  const sample = body.slice(0, 200);
  let headerEvidence = 0;
  let dataEvidence = 0;
  first.forEach((cell, j) => {
    if (isMissing(cell)) return;
    if (numericShare(sample, j) < 0.9) return; // text columns say nothing either way
    if (looksNumeric(cell) || isInfinite(cell)) dataEvidence++;
    else headerEvidence++;
  });
  // Any text name above a numeric column means a header; all-text files are assumed to have one.
  return headerEvidence > 0 || dataEvidence === 0;
}

/** Empty names -> column_N, duplicates -> name_2, name_3..., each with a warning. */
export function cleanNames(raw: string[]): { names: string[]; warnings: LocalizedMessage[] } {
  const warnings: LocalizedMessage[] = [];
  const trimmed = raw.map((n) => n.trim().replace(/\s+/g, ' '));
  const taken = new Set(trimmed.filter((n) => n !== '').map((n) => n.toLowerCase()));
  const empty: number[] = [];
  const seen = new Map<string, number>();
  const names = trimmed.map((name, j) => {
    if (name === '') {
      empty.push(j + 1);
      let generated = `column_${j + 1}`;
      while (taken.has(generated.toLowerCase())) generated += '_';
      taken.add(generated.toLowerCase());
      return generated;
    }
    const key = name.toLowerCase();
    const count = (seen.get(key) ?? 0) + 1;
    seen.set(key, count);
    if (count === 1) return name;
    let k = count;
    let renamed = `${name}_${k}`;
    while (taken.has(renamed.toLowerCase())) renamed = `${name}_${++k}`;
    taken.add(renamed.toLowerCase());
    warnings.push(msg.warning('duplicate_name', { name, renamed, column: j + 1 }));
    return renamed;
  });
  if (empty.length) warnings.unshift(msg.warning('empty_names', { columns: empty.join(', '), count: empty.length }));
  return { names, warnings };
}

/** Reads (or generates) column names from the first record. */
export function readHeader(records: string[][]): HeaderResult {
  const first = records[0] ?? [];
  if (!looksLikeHeader(first, records.slice(1))) {
    const names = first.map((_, j) => `column_${j + 1}`);
    return { names, hasHeader: false, warnings: [msg.warning('no_header', { example: names.slice(0, 3).join(', ') })] };
  }
  const { names, warnings } = cleanNames(first);
  return { names, hasHeader: true, warnings };
}
