/**
 * The ingest pipeline: bytes -> decoded text -> delimiter -> table -> header -> target ->
 * typed feature columns -> a Dataset of cleaned values. Each step lives in its own module;
 * this one strings them together and applies the limits that need the whole picture.
 */
import type { LocalizedMessage } from '../core/errors.js';
import { typeColumn, type ColumnInfo, type DropReason, type FeatureValue } from './columns.js';
import { decodeBytes } from './decode.js';
import { detectDelimiter, type Delimiter } from './delimiter.js';
import { readHeader } from './header.js';
import { checkDeclaredSize, resolveLimits, type Limits } from './limits.js';
import { msg } from './messages.js';
import { refuseNonCsvText } from './sniff.js';
import { parseTable } from './table.js';
import { findTargetColumn, readTarget, type TargetInfo, type Task } from './target.js';

/** Options of `ingestCsv`. */
export interface IngestOptions {
  /** Target column: a name (case-insensitive) or a 1-based column number. */
  target?: string | number;
  /** Force the task instead of guessing it from the target. */
  task?: Task;
  /** Override some limits (see DEFAULT_LIMITS). */
  limits?: Partial<Limits>;
  /** Missing feature cells: keep them for imputation (default) or drop their rows. */
  missing?: 'impute' | 'drop';
  /**
   * Read a second file (e.g. `--test`) with the columns and target of an earlier Dataset:
   * the same kept columns by name, no dropping, no task guessing.
   */
  schema?: { columns: readonly ColumnInfo[]; target: TargetInfo };
}

/** A cleaned dataset, ready to be split and preprocessed (see Preprocessor). */
export interface Dataset {
  /** The kept feature columns, in file order. */
  columns: ColumnInfo[];
  /** Columns not used as features, with the reason (the target is not listed). */
  dropped: Array<{ name: string; reason: DropReason }>;
  target: TargetInfo;
  /** Number of rows kept. */
  rows: number;
  /** features[i][j]: value of columns[j] in row i; NaN marks a missing cell (never Infinity). */
  features: FeatureValue[][];
  /** Class label strings (classification) or numbers (regression), one per row. */
  y: Array<number | string>;
  /** File line of each kept row, for messages about a particular row. */
  lines: number[];
  warnings: LocalizedMessage[];
  /** How the file was read. */
  format: { encoding: string; delimiter: Delimiter; hasHeader: boolean };
}

/** Lists at most `max` items, then "...". */
function listSome(items: Array<string | number>, max = 10): string {
  return items.length <= max ? items.join(', ') : `${items.slice(0, max).join(', ')}, ...`;
}

/** Merges per-column warnings of one code into a single warning listing the columns. */
function mergeColumnWarnings(warnings: LocalizedMessage[], code: string): LocalizedMessage[] {
  const same = warnings.filter((w) => w.code === code);
  if (same.length < 2) return warnings;
  const first = warnings.indexOf(same[0] as LocalizedMessage);
  const merged = { ...(same[0] as LocalizedMessage), params: { columns: listSome(same.map((w) => String(w.params.columns))) } };
  const rest = warnings.filter((w) => w.code !== code);
  rest.splice(first, 0, merged);
  return rest;
}

/**
 * Reads an uploaded CSV into a Dataset, or throws a UserInputError (code `csv.*`) that says
 * what is wrong, where, and how to fix it. Never returns Infinity; missing cells are NaN.
 */
export function ingestCsv(bytes: Uint8Array, options: IngestOptions = {}): Dataset {
  const limits = resolveLimits(options.limits);
  checkDeclaredSize(bytes.length, limits);
  const decoded = decodeBytes(bytes);
  refuseNonCsvText(decoded.text);
  const warnings: LocalizedMessage[] = [...decoded.warnings];

  const delim = detectDelimiter(decoded.text);
  const table = parseTable(delim.text, delim.delimiter, limits, delim.linesRemoved);
  warnings.push(...table.warnings);
  const header = readHeader(table.records);
  warnings.push(...header.warnings);
  const body = header.hasHeader ? table.records.slice(1) : table.records;
  const bodyLines = header.hasHeader ? table.lines.slice(1) : table.lines;
  if (table.truncated || body.length > limits.maxRows) throw msg.error('too_many_rows', { limit: limits.maxRows });
  if (body.length === 0) throw msg.error('header_only');
  const names = header.names;
  if (names.length < 2) throw msg.error('one_column', { name: names[0] ?? '' });
  const allowComma = delim.delimiter !== ',';
  const column = (j: number): string[] => body.map((r) => r[j] ?? '');

  // --- target -------------------------------------------------------------------------------
  let targetIndex: number;
  if (options.schema) {
    targetIndex = findTargetColumn(names, options.schema.target.name).index;
  } else {
    const found = findTargetColumn(names, options.target);
    targetIndex = found.index;
    if (found.guessed) warnings.push(msg.warning('target_guessed', { target: names[targetIndex] ?? '' }));
  }
  const targetName = names[targetIndex] ?? '';
  const target = readTarget(targetName, column(targetIndex), {
    task: options.schema?.target.kind ?? options.task,
    allowComma,
  });
  warnings.push(...target.warnings);
  let keep = body.map((_, i) => target.values[i] !== undefined);
  const missingTarget = keep.map((k, i) => (k ? -1 : (bodyLines[i] ?? 0))).filter((l) => l >= 0);
  if (missingTarget.length === body.length) throw msg.error('target_all_missing', { target: targetName });
  if (missingTarget.length > 0) {
    warnings.push(msg.warning('target_missing_rows', { count: missingTarget.length, target: targetName, lines: listSome(missingTarget) }));
  }

  // --- features ----------------------------------------------------------------------------
  const rowsLeft = body.filter((_, i) => keep[i]);
  const linesLeft = bodyLines.filter((_, i) => keep[i]);
  const yLeft = target.values.filter((_, i) => keep[i]) as Array<string | number>;
  const columns: ColumnInfo[] = [];
  const dropped: Dataset['dropped'] = [];
  const columnValues: FeatureValue[][] = [];
  const missingByColumn: Array<{ name: string; count: number }> = [];
  const infiniteByColumn: Array<{ name: string; count: number }> = [];
  const featureIndices = options.schema
    ? options.schema.columns.map((c) => {
        const j = names.findIndex((n) => n.toLowerCase() === c.name.toLowerCase());
        if (j < 0) throw msg.error('schema_missing_column', { column: c.name });
        return { j, kind: c.kind as ColumnInfo['kind'] | undefined };
      })
    : names.map((_, j) => ({ j, kind: undefined })).filter(({ j }) => j !== targetIndex);
  for (const { j, kind } of featureIndices) {
    const name = names[j] ?? '';
    const typed = typeColumn(name, rowsLeft.map((r) => r[j] ?? ''), { allowComma, maxCategories: limits.maxCategories, lines: linesLeft, forceKind: kind });
    if (typed.infinite > 0) infiniteByColumn.push({ name, count: typed.infinite });
    if (!typed.kept) {
      dropped.push({ name, reason: typed.reason });
      warnings.push(typed.warning);
      continue;
    }
    columns.push(typed.info);
    columnValues.push(typed.values);
    warnings.push(...typed.warnings);
    if (typed.missing > 0) missingByColumn.push({ name, count: typed.missing });
  }
  if (columns.length === 0) {
    throw msg.error('no_features', { target: targetName, dropped: listSome(dropped.map((d) => `${d.name} (${d.reason})`)) });
  }
  if (infiniteByColumn.length > 0) {
    const count = infiniteByColumn.reduce((s, c) => s + c.count, 0);
    warnings.push(msg.warning('infinite_values', { count, columns: listSome(infiniteByColumn.map((c) => c.name)) }));
  }

  // Rows as arrays, in column order.
  let features: FeatureValue[][] = rowsLeft.map((_, i) => columnValues.map((vals) => vals[i] as FeatureValue));
  let y = yLeft;
  let lines = linesLeft;
  const missingTotal = missingByColumn.reduce((s, c) => s + c.count, 0);
  if (missingTotal > 0) {
    const detail = listSome(missingByColumn.map((c) => `${c.name}: ${c.count}`));
    if (options.missing === 'drop') {
      keep = features.map((r) => r.every((v) => !(typeof v === 'number' && Number.isNaN(v))));
      const droppedRows = keep.filter((k) => !k).length;
      features = features.filter((_, i) => keep[i]);
      y = y.filter((_, i) => keep[i]);
      lines = lines.filter((_, i) => keep[i]);
      warnings.push(msg.warning('missing_rows_dropped', { count: droppedRows, columns: detail }));
    } else {
      warnings.push(msg.warning('missing_imputed', { count: missingTotal, columns: detail }));
    }
  }

  // --- limits that need the whole picture ------------------------------------------------------
  const encodedWidth = columns.reduce((s, c) => s + (c.kind === 'numeric' ? 1 : (c.categories?.length ?? 0)), 0);
  if (encodedWidth > limits.maxEncodedColumns) throw msg.error('too_many_columns', { count: encodedWidth, limit: limits.maxEncodedColumns });
  const info: TargetInfo = { ...target.info };
  if (info.kind === 'classification') {
    const counts = new Map<string, number>();
    for (const v of y) counts.set(String(v), (counts.get(String(v)) ?? 0) + 1);
    info.classes = options.schema?.target.classes ?? (target.info.classes ?? []).filter((c) => counts.has(c));
    if (!options.schema) checkClasses(targetName, counts, info.classes, limits);
  }
  if (!options.schema && y.length < limits.minRows) throw msg.error('too_few_rows', { count: y.length, limit: limits.minRows });

  return {
    columns,
    dropped,
    target: info,
    rows: y.length,
    features,
    y,
    lines,
    warnings: mergeColumnWarnings(warnings, 'csv.decimal_comma'),
    format: { encoding: decoded.encoding, delimiter: delim.delimiter, hasHeader: header.hasHeader },
  };
}

/** One class, too many classes, or a class too small to split: each its own message. */
function checkClasses(target: string, counts: Map<string, number>, classes: string[], limits: Limits): void {
  if (classes.length === 1) throw msg.error('single_class', { target, value: classes[0] ?? '' });
  if (classes.length > limits.maxClasses) throw msg.error('too_many_classes', { target, count: classes.length, limit: limits.maxClasses });
  for (const c of classes) {
    const count = counts.get(c) ?? 0;
    if (count < limits.minRowsPerClass) throw msg.error('too_few_per_class', { target, className: c, count, limit: limits.minRowsPerClass });
  }
}
