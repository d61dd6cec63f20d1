/**
 * The Preprocessor turns cleaned feature rows into the numbers a network eats. It is FITTED on
 * the training rows only: the fill values for missing cells (median / most frequent), the
 * mean and standard deviation for standardising, and the categories for one-hot encoding all
 * come from training rows, so nothing about the validation or test rows leaks into training.
 * It is plain data (toJSON/fromJSON) so it is saved inside the model file and used again for
 * predictions (`parseRow`).
 */
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { compareLevels, type ColumnInfo, type FeatureValue } from './columns.js';
import { msg } from './messages.js';
import { isInfinite, isMissing, parseNumber } from './values.js';

/** How one numeric column is filled and standardised: x' = (x - mean) / std. */
export interface NumericEncoding {
  name: string;
  kind: 'numeric';
  fill: number;
  mean: number;
  std: number;
}

/** How one categorical column is filled and one-hot encoded (unknown levels -> all zeros). */
export interface CategoricalEncoding {
  name: string;
  kind: 'categorical';
  fill: string;
  levels: string[];
}

/** How one kept feature column is encoded. */
export type ColumnEncoding = NumericEncoding | CategoricalEncoding;

/** The saved form of a Preprocessor. */
export interface PreprocessorJSON {
  version: 1;
  columns: ColumnEncoding[];
}

const jsonSchema = z.object({
  version: z.literal(1),
  columns: z.array(
    z.discriminatedUnion('kind', [
      z.object({ name: z.string(), kind: z.literal('numeric'), fill: z.number(), mean: z.number(), std: z.number().positive() }),
      z.object({ name: z.string(), kind: z.literal('categorical'), fill: z.string(), levels: z.array(z.string()) }),
    ]),
  ),
});

/** A feature matrix: `rows * width` numbers, row-major. */
export interface EncodedMatrix {
  data: Float32Array;
  rows: number;
  width: number;
}

function isMissingValue(v: FeatureValue | undefined): boolean {
  return v === undefined || (typeof v === 'number' && !Number.isFinite(v));
}

function median(sorted: number[]): number {
  const n = sorted.length;
  if (n === 0) return 0;
  const mid = n >> 1;
  return n % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Standardisation, one-hot encoding and imputation, fitted on training rows. */
export class Preprocessor {
  readonly columns: readonly ColumnEncoding[];
  /** Names of the encoded inputs: "age", "city=Moscow", ... */
  readonly featureNames: readonly string[];
  /** Number of encoded inputs per row. */
  readonly width: number;

  /** Per categorical column, level -> position in its one-hot block. */
  private readonly levelIndex: ReadonlyArray<ReadonlyMap<string, number> | undefined>;

  private constructor(columns: ColumnEncoding[]) {
    this.columns = columns;
    this.levelIndex = columns.map((c) => (c.kind === 'categorical' ? new Map(c.levels.map((l, i) => [l, i])) : undefined));
    this.featureNames = columns.flatMap((c) => (c.kind === 'numeric' ? [c.name] : c.levels.map((l) => `${c.name}=${l}`)));
    this.width = this.featureNames.length;
  }

  /**
   * Fits on the given rows (the training split). `rows[i][j]` is the value of `columns[j]`;
   * NaN means missing.
   */
  static fit(columns: readonly ColumnInfo[], rows: ReadonlyArray<readonly FeatureValue[]>): Preprocessor {
    const encodings = columns.map((col, j): ColumnEncoding => {
      if (col.kind === 'numeric') {
        const xs = rows.map((r) => r[j]).filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
        const fill = median([...xs].sort((a, b) => a - b));
        // Mean and std over the filled column, so the filled cells land at (fill - mean) / std.
        const n = rows.length || 1;
        const filled = rows.map((r) => {
          const v = r[j];
          return typeof v === 'number' && Number.isFinite(v) ? v : fill;
        });
        const mean = filled.reduce((s, v) => s + v, 0) / n;
        const variance = filled.reduce((s, v) => s + (v - mean) ** 2, 0) / n;
        const std = Math.sqrt(variance);
        // A column constant on the training rows: dividing by 0 would make NaN; 1 leaves it at 0.
        return { name: col.name, kind: 'numeric', fill, mean, std: std > 1e-12 && Number.isFinite(std) ? std : 1 };
      }
      const counts = new Map<string, number>();
      for (const r of rows) {
        const v = r[j];
        if (typeof v === 'string') counts.set(v, (counts.get(v) ?? 0) + 1);
      }
      const levels = [...counts.keys()].sort(compareLevels);
      // Most frequent level; ties go to the first in level order, so fitting is deterministic.
      let fill = levels[0] ?? '';
      for (const l of levels) if ((counts.get(l) ?? 0) > (counts.get(fill) ?? 0)) fill = l;
      return { name: col.name, kind: 'categorical', fill, levels };
    });
    return new Preprocessor(encodings);
  }

  /** Encodes one row into `out` at `offset`. Plain loops: this runs for every row of every epoch's data. */
  private encodeInto(row: readonly FeatureValue[], out: Float32Array, offset: number): void {
    let k = offset;
    for (let j = 0; j < this.columns.length; j++) {
      const c = this.columns[j] as ColumnEncoding;
      const v = row[j];
      if (c.kind === 'numeric') {
        const x = typeof v === 'number' && Number.isFinite(v) ? v : c.fill;
        out[k++] = (x - c.mean) / c.std;
      } else {
        const level = isMissingValue(v) ? c.fill : String(v);
        // out is zero-filled: only the matching level (if any) gets a 1.
        const at = this.levelIndex[j]?.get(level);
        if (at !== undefined) out[k + at] = 1;
        k += c.levels.length;
      }
    }
  }

  /** Encodes rows into a row-major Float32Array (`rows.length * width`). */
  transform(rows: ReadonlyArray<readonly FeatureValue[]>): EncodedMatrix {
    const data = new Float32Array(rows.length * this.width);
    rows.forEach((r, i) => this.encodeInto(r, data, i * this.width));
    return { data, rows: rows.length, width: this.width };
  }

  /** Encodes one row. */
  transformRow(row: readonly FeatureValue[]): Float32Array {
    const out = new Float32Array(this.width);
    this.encodeInto(row, out, 0);
    return out;
  }

  /**
   * Reads one row typed by a student for `predict`: values in the order of the kept feature
   * columns, separated by commas (or semicolons, tabs, |, or only spaces); quotes allowed.
   * Empty or NA values are filled like missing cells. Numbers may use a decimal comma when the separator is not
   * a comma.
   */
  parseRow(line: string): FeatureValue[] {
    const names = this.columns.map((c) => c.name).join(', ');
    if (line.trim() === '') throw msg.error('predict_empty', { names });
    const n = this.columns.length;
    let cells: string[] = [];
    let delimiter = ',';
    // The comma is tried last: in "1,5;Kazan;2,5" the semicolons separate and the commas are decimal.
    for (const d of [';', '\t', '|', ',']) {
      const split = splitLine(line, d);
      if (split.length === n || d === ',') {
        cells = split;
        delimiter = d;
      }
      if (split.length === n) break;
    }
    // No separator at all but one value per column between spaces ("5.1 3.5 1.4 0.2"): the
    // spaces separate, as in the chat doors' /predict.
    const bySpace = line.trim().split(/\s+/);
    if (cells.length !== n && cells.length === 1 && bySpace.length === n && !/[;\t|,"]/.test(line)) {
      cells = bySpace;
      delimiter = ' ';
    }
    if (cells.length !== n) throw msg.error('predict_wrong_count', { expected: n, got: typedValueCount(line), names });
    return this.columns.map((c, j) => {
      const cell = cells[j] ?? '';
      const position = j + 1;
      if (isMissing(cell)) return NaN;
      if (c.kind === 'numeric') {
        // With another separator a comma is a decimal comma ("1,250" = 1.25), as when training.
        const comma = delimiter !== ',' && cell.includes(',');
        const v = comma ? (parseNumber(cell, 'comma') ?? parseNumber(cell, 'dot')) : parseNumber(cell, 'dot');
        if (v === undefined || isInfinite(cell) || !Number.isFinite(v)) {
          throw msg.error('predict_not_number', { column: c.name, value: cell, position });
        }
        return v;
      }
      if (!c.levels.includes(cell)) {
        throw msg.error('predict_unknown_level', { column: c.name, value: cell, position, levels: c.levels.join(', ') });
      }
      return cell;
    });
  }

  /** Plain data for the model file. */
  toJSON(): PreprocessorJSON {
    return { version: 1, columns: this.columns.map((c) => (c.kind === 'numeric' ? { ...c } : { ...c, levels: [...c.levels] })) };
  }

  /** Rebuilds a saved Preprocessor; a damaged file gives a UserInputError, not a crash. */
  static fromJSON(json: unknown): Preprocessor {
    const parsed = jsonSchema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const detail = issue ? `${issue.path.join('.') || 'root'}: ${issue.message}` : 'invalid';
      throw msg.error('model_invalid', { detail });
    }
    return new Preprocessor(parsed.data.columns);
  }
}

/** Splits one line with csv-parse (quotes honoured); a parse error leaves the raw line as one cell. */
/**
 * How many values a student typed, for the "wrong number of values" message: counted with
 * the first separator the line uses (so "1;2;3" is 3 values, not one that has no comma),
 * or by the spaces between them when there is no separator at all ("5.1 3.5 1.4").
 */
function typedValueCount(line: string): number {
  for (const d of [';', '\t', '|', ',']) {
    const split = splitLine(line, d);
    if (split.length > 1) return split.length;
  }
  return line.trim().split(/\s+/).length;
}

function splitLine(line: string, delimiter: string): string[] {
  try {
    const rows = parse(line, { delimiter, trim: true, relax_quotes: true, relax_column_count: true }) as string[][];
    return rows[0] ?? [''];
  } catch {
    return [line];
  }
}
