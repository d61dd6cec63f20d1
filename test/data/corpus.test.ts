/**
 * The nasty-file corpus: one expectation per file in test/fixtures/csv/ (made by
 * test/fixtures/make-fixtures.ts). A file without an expectation fails the suite, so the
 * corpus and this table cannot drift apart.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderMessage, isUserInputError, type UserInputError } from '../../src/core/errors.js';
import { ingestCsv, type Dataset, type IngestOptions } from '../../src/data/index.js';

const dir = new URL('../fixtures/csv/', import.meta.url);

/** What a file should give: an error code, or a dataset with this shape. */
interface Expectation {
  options?: IngestOptions;
  error?: string;
  /** Params the error must carry (line numbers, names...). */
  params?: Record<string, string | number>;
  rows?: number;
  columns?: string[];
  kinds?: Array<'numeric' | 'categorical'>;
  target?: string;
  task?: 'classification' | 'regression';
  classes?: string[];
  dropped?: Record<string, string>;
  /** Exactly these warning codes (without the "csv." prefix), in any order. */
  warnings?: string[];
  encoding?: string;
  delimiter?: string;
  check?: (d: Dataset) => void;
}

const IRIS3 = ['setosa', 'versicolor', 'virginica'];
const plain: Expectation = { rows: 30, columns: ['length', 'width'], kinds: ['numeric', 'numeric'], target: 'species', task: 'classification', classes: IRIS3 };

/** The three-class base set's first length value, as written by the generator. */
const firstLength = (d: Dataset): number => d.features[0]?.[0] as number;

const EXPECTED: Record<string, Expectation> = {
  'clean-iris-like.csv': { rows: 30, columns: ['sepal_length', 'sepal_width', 'petal_length', 'petal_width'], classes: IRIS3, task: 'classification', warnings: ['target_guessed'], delimiter: ',' },
  'regression.csv': { rows: 40, columns: ['area', 'rooms'], target: 'price', task: 'regression', warnings: ['target_guessed', 'task_regression_guess'], check: (d) => expect(d.y.every((v) => typeof v === 'number')).toBe(true) },
  'utf8-bom.csv': { ...plain, encoding: 'utf-8', warnings: ['target_guessed'] },
  'utf16le-bom.csv': { ...plain, encoding: 'utf-16le', warnings: ['target_guessed'] },
  'utf16be-bom.csv': { ...plain, encoding: 'utf-16be', warnings: ['target_guessed'] },
  'utf16le-no-bom.csv': { ...plain, encoding: 'utf-16le', warnings: ['guessed_encoding', 'target_guessed'] },
  'cp1251-russian.csv': {
    rows: 30, columns: ['Длина', 'Ширина'], target: 'Вид', classes: ['виргинский', 'разноцветный', 'щетинистый'], encoding: 'windows-1251', delimiter: ';',
    warnings: ['guessed_encoding', 'target_guessed', 'decimal_comma'],
    check: (d) => expect(d.warnings.find((w) => w.code === 'csv.decimal_comma')?.params.columns).toBe('Длина, Ширина'),
  },
  'koi8r-russian.csv': { rows: 30, columns: ['Длина', 'Ширина'], target: 'Вид', encoding: 'koi8-r', warnings: ['guessed_encoding', 'target_guessed', 'decimal_comma'] },
  'windows-1252-latin.csv': { rows: 30, columns: ['Größe', 'Gewicht'], target: 'Café', classes: ['Brûlé', 'Crème', 'Noisette'], encoding: 'windows-1252', warnings: ['guessed_encoding', 'target_guessed'] },
  'mojibake-header.csv': { error: 'csv.mojibake' },
  'undecodable.csv': { error: 'csv.not_utf8' },
  'semicolon-decimal-comma.csv': {
    ...plain, delimiter: ';', warnings: ['target_guessed', 'decimal_comma'],
    check: (d) => {
      // Two decimals were written: a decimal comma must not lose them.
      expect(d.features.some((r) => !Number.isInteger((r[0] as number) * 10))).toBe(true);
    },
  },
  'tab-separated.tsv': { ...plain, delimiter: '\t', warnings: ['target_guessed'] },
  'pipe-separated.csv': { ...plain, delimiter: '|', warnings: ['target_guessed'] },
  'excel-sep-line.csv': { ...plain, delimiter: ';', warnings: ['target_guessed', 'decimal_comma'] },
  'quoted-fields.csv': {
    rows: 30, columns: ['length', 'note'], kinds: ['numeric', 'categorical'], classes: IRIS3, warnings: ['target_guessed'],
    check: (d) => expect(d.columns[1]?.categories).toEqual(['He said "hi"', 'red, dark', 'two\nlines']),
  },
  'crlf.csv': { ...plain, warnings: ['target_guessed'], check: (d) => expect(d.lines[29]).toBe(31) },
  'cr-only.csv': { ...plain, warnings: ['target_guessed'], check: (d) => expect(d.lines[29]).toBe(31) },
  'blank-lines-spaces.csv': { ...plain, warnings: ['target_guessed'], check: (d) => expect(firstLength(d)).toBeGreaterThan(3) },
  'trailing-delimiter.csv': { ...plain, warnings: ['target_guessed'] },
  'thousands-separators.csv': {
    rows: 30, columns: ['income', 'spend'], kinds: ['numeric', 'numeric'], target: 'segment', warnings: ['target_guessed'],
    check: (d) => expect((d.features[0]?.[0] as number) % 1).toBe(0.5),
  },
  'title-rows.csv': {
    ...plain, warnings: ['title_rows_skipped', 'target_guessed'],
    check: (d) => {
      expect(d.warnings[0]?.params).toMatchObject({ count: 2, line: 2 });
      expect(d.lines[0]).toBe(5);
    },
  },
  'title-rows-padded.csv': { ...plain, delimiter: ';', warnings: ['title_rows_skipped', 'target_guessed', 'decimal_comma'] },
  'dates-column.csv': { rows: 30, columns: ['length'], dropped: { date: 'date' }, warnings: ['target_guessed', 'column_dropped_date'] },
  'no-header.csv': { rows: 30, columns: ['column_1', 'column_2'], target: 'column_3', classes: IRIS3, warnings: ['no_header', 'target_guessed'] },
  'empty-header-names.csv': { rows: 30, columns: ['length', 'column_3'], dropped: { column_1: 'id_like' }, warnings: ['empty_names', 'target_guessed', 'column_dropped_id'] },
  'duplicate-names.csv': {
    rows: 30, columns: ['size', 'size_2'], warnings: ['duplicate_name', 'target_guessed'],
    check: (d) => expect(d.features[0]?.[0]).not.toBe(d.features[0]?.[1]),
  },
  'all-empty-column.csv': { ...plain, dropped: { comment: 'empty' }, warnings: ['target_guessed', 'column_dropped_empty'] },
  'constant-column.csv': { ...plain, dropped: { country: 'constant' }, warnings: ['target_guessed', 'column_dropped_constant'] },
  'id-column.csv': { ...plain, dropped: { id: 'id_like', code: 'id_like' }, warnings: ['target_guessed', 'column_dropped_id', 'column_dropped_id'] },
  'free-text-column.csv': { rows: 30, columns: ['length'], dropped: { review: 'free_text' }, warnings: ['target_guessed', 'column_dropped_free_text'] },
  'high-cardinality.csv': { rows: 30, columns: ['length'], dropped: { city: 'too_many_levels' }, warnings: ['target_guessed', 'column_dropped_levels'] },
  'missing-value-zoo.csv': {
    rows: 30, columns: ['length', 'width', 'colour'], kinds: ['numeric', 'numeric', 'categorical'], warnings: ['target_guessed', 'missing_imputed'],
    check: (d) => {
      const nan = (j: number) => d.features.filter((r) => typeof r[j] === 'number' && Number.isNaN(r[j])).length;
      // 12 spellings of "missing" in length; NA every 4th row in width; null every 5th in colour.
      expect([nan(0), nan(1), nan(2)]).toEqual([12, 8, 6]);
      expect(d.warnings.find((w) => w.code === 'csv.missing_imputed')?.params.count).toBe(26);
      expect(d.columns[2]?.categories).toEqual(['blue', 'red']);
    },
  },
  'inf-values.csv': {
    ...plain, warnings: ['target_guessed', 'infinite_values', 'missing_imputed'],
    check: (d) => expect(d.warnings.find((w) => w.code === 'csv.infinite_values')?.params.count).toBe(3),
  },
  'non-numeric-junk.csv': {
    ...plain, warnings: ['target_guessed', 'non_numeric_cells', 'missing_imputed'],
    check: (d) => expect(d.warnings.find((w) => w.code === 'csv.non_numeric_cells')?.params).toMatchObject({ column: 'length', line: 9, example: 'abc', count: 1 }),
  },
  'missing-target.csv': {
    ...plain, rows: 26, warnings: ['target_guessed', 'target_missing_rows'],
    check: (d) => {
      expect(d.warnings.find((w) => w.code === 'csv.target_missing_rows')?.params).toMatchObject({ count: 4, lines: '6, 13, 16, 26' });
      expect(d.lines).not.toContain(6);
    },
  },
  'single-class.csv': { error: 'csv.single_class', params: { value: 'setosa', target: 'species' } },
  'too-few-per-class.csv': { error: 'csv.too_few_per_class', params: { className: 'rare', count: 1, limit: 3 } },
  'many-classes.csv': { error: 'csv.too_many_classes', params: { count: 60, limit: 50 } },
  'russian-target-name.csv': { rows: 30, columns: ['длина', 'ширина'], target: 'класс', classes: IRIS3, warnings: [] },
  'numeric-classes.csv': { rows: 30, target: 'kind', task: 'classification', classes: ['0', '1', '2'], warnings: ['target_guessed', 'task_classification_guess'] },
  'ragged-rows.csv': { error: 'csv.ragged_row', params: { line: 7, expected: 3, got: 4 } },
  'short-rows.csv': {
    ...plain, rows: 25, warnings: ['short_rows', 'target_guessed', 'target_missing_rows'],
    check: (d) => expect(d.warnings[0]?.params).toMatchObject({ count: 5, line: 4 }),
  },
  'unclosed-quote.csv': { error: 'csv.quote_not_closed', params: { line: 3 } },
  'empty.csv': { error: 'csv.empty_file' },
  'whitespace-only.csv': { error: 'csv.empty_file' },
  'header-only.csv': { error: 'csv.header_only' },
  'one-column.csv': { error: 'csv.one_column', params: { name: 'length' } },
  'huge-cell.csv': { error: 'csv.cell_too_long', params: { line: 8, column: 2, length: 2000, limit: 1000 } },
  'long-line.csv': { options: { limits: { maxLineChars: 1000 } }, error: 'csv.line_too_long', params: { line: 2, length: 1401, limit: 1000 } },
  'png-disguised.csv': { error: 'csv.binary_png' },
  'jpeg-photo.jpg': { error: 'csv.binary_jpeg' },
  'pdf-document.pdf': { error: 'csv.binary_pdf' },
  'gzip-archive.csv.gz': { error: 'csv.binary_gzip' },
  'old-excel.xls': { error: 'csv.binary_xls' },
  'excel-workbook.xlsx': { error: 'csv.binary_xlsx' },
  'zip-archive.zip': { error: 'csv.binary_zip' },
  'html-page.csv': { error: 'csv.html_file' },
  'json-records.csv': { error: 'csv.json_file' },
  'nul-bytes.csv': { error: 'csv.binary_nul', params: { offset: 31 } },
};

const files = readdirSync(dir).sort();

function read(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, dir)));
}

describe('the nasty-file corpus', () => {
  it('has at least 30 files, each with an expectation, and no stale expectations', () => {
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(files.filter((f) => !(f in EXPECTED))).toEqual([]);
    expect(Object.keys(EXPECTED).filter((f) => !files.includes(f))).toEqual([]);
  });

  it('keeps every fixture small (a few KB)', () => {
    for (const f of files) expect(readFileSync(new URL(f, dir)).length, f).toBeLessThan(8 * 1024);
  });

  for (const file of files) {
    const exp = EXPECTED[file];
    if (!exp) continue;
    it(`${file}: ${exp.error ?? 'reads'}`, () => {
      if (exp.error) {
        let caught: unknown;
        try {
          ingestCsv(read(file), exp.options);
        } catch (e) {
          caught = e;
        }
        expect(isUserInputError(caught), `${file} should throw a UserInputError`).toBe(true);
        const err = caught as UserInputError;
        expect(err.code).toBe(exp.error);
        if (exp.params) expect(err.params).toMatchObject(exp.params);
        for (const lang of ['en', 'ru'] as const) {
          const text = err.render(lang);
          expect(text).not.toMatch(/\{\w+\}/);
          expect(text.length).toBeGreaterThan(20);
        }
        return;
      }
      const d = ingestCsv(read(file), exp.options);
      if (exp.rows !== undefined) expect(d.rows).toBe(exp.rows);
      if (exp.columns) expect(d.columns.map((c) => c.name)).toEqual(exp.columns);
      if (exp.kinds) expect(d.columns.map((c) => c.kind)).toEqual(exp.kinds);
      if (exp.target) expect(d.target.name).toBe(exp.target);
      if (exp.task) expect(d.target.kind).toBe(exp.task);
      if (exp.classes) expect(d.target.classes).toEqual(exp.classes);
      expect(Object.fromEntries(d.dropped.map((x) => [x.name, x.reason]))).toEqual(exp.dropped ?? {});
      if (exp.warnings) expect(d.warnings.map((w) => w.code.replace(/^csv\./, '')).sort()).toEqual([...exp.warnings].sort());
      if (exp.encoding) expect(d.format.encoding).toBe(exp.encoding);
      if (exp.delimiter) expect(d.format.delimiter).toBe(exp.delimiter);
      // Invariants of every dataset: shapes agree, no infinity, numeric cells are numbers.
      expect(d.features).toHaveLength(d.rows);
      expect(d.y).toHaveLength(d.rows);
      expect(d.lines).toHaveLength(d.rows);
      for (const row of d.features) {
        expect(row).toHaveLength(d.columns.length);
        d.columns.forEach((c, j) => {
          const v = row[j];
          if (c.kind === 'numeric') expect(typeof v).toBe('number');
          if (typeof v === 'number') expect(v === Infinity || v === -Infinity).toBe(false);
          if (c.kind === 'categorical' && typeof v === 'string') expect(c.categories).toContain(v);
        });
      }
      if (d.target.kind === 'classification') for (const y of d.y) expect(d.target.classes).toContain(y);
      for (const w of d.warnings) {
        expect(renderMessage(w, 'en')).not.toMatch(/\{\w+\}/);
        expect(renderMessage(w, 'ru')).not.toMatch(/\{\w+\}/);
      }
      exp.check?.(d);
    });
  }
});
