/** The pipeline as a whole: limits, options, the schema used for a --test file. */
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../src/core/errors.js';
import { checkDeclaredSize, DEFAULT_LIMITS, ingestCsv, type IngestOptions } from '../../src/data/index.js';

const enc = (s: string) => new TextEncoder().encode(s);
const errorOf = (bytes: Uint8Array, options?: IngestOptions): { code?: string; params?: Record<string, unknown> } => {
  try {
    ingestCsv(bytes, options);
  } catch (e) {
    return e as { code?: string; params?: Record<string, unknown> };
  }
  return {};
};

/** n rows of two numeric features and a two-class label. */
function twoClass(n: number, extra = ''): string {
  const rows = Array.from({ length: n }, (_, i) => `${(i * 7) % 13},${(i * 3) % 11}${extra},${i % 2 ? 'yes' : 'no'}`);
  return `a,b${extra ? ',e' : ''},label\n${rows.join('\n')}\n`;
}

describe('limits', () => {
  it('has the documented defaults', () => {
    expect(DEFAULT_LIMITS).toMatchObject({ maxBytes: 10 * 1024 * 1024, maxRows: 100_000, maxEncodedColumns: 500, maxClasses: 50, maxCellChars: 1000 });
  });

  it('checks a declared size before downloading, and the real bytes again', () => {
    expect(() => checkDeclaredSize(10 * 1024 * 1024)).not.toThrow();
    let caught: unknown;
    try {
      checkDeclaredSize(25 * 1024 * 1024);
    } catch (e) {
      caught = e;
    }
    expect(caught).toMatchObject({ code: 'csv.file_too_large', params: { size: '25 MB', limit: '10 MB' } });
    const big = new Uint8Array(2048).fill(0x31);
    expect(errorOf(big, { limits: { maxBytes: 1024 } })).toMatchObject({ code: 'csv.file_too_large', params: { limit: '1 KB' } });
  });

  it('refuses too many rows without parsing them all', () => {
    expect(errorOf(enc(twoClass(101)), { limits: { maxRows: 100 } })).toMatchObject({ code: 'csv.too_many_rows', params: { limit: 100 } });
    expect(ingestCsv(enc(twoClass(100)), { limits: { maxRows: 100 } }).rows).toBe(100);
  });

  it('refuses too few rows', () => {
    expect(errorOf(enc(twoClass(8)))).toMatchObject({ code: 'csv.too_few_rows', params: { count: 8, limit: 10 } });
  });

  it('counts one-hot columns against the encoded-column limit', () => {
    const rows = Array.from({ length: 40 }, (_, i) => `${i % 9},c${i % 8},${i % 2}`);
    const text = enc(`x,cat,label\n${rows.join('\n')}\n`);
    expect(ingestCsv(text).columns.map((c) => c.kind)).toEqual(['numeric', 'categorical']);
    expect(errorOf(text, { limits: { maxEncodedColumns: 8 } })).toMatchObject({ code: 'csv.too_many_columns', params: { count: 9, limit: 8 } });
  });

  it('applies the category cap from the limits', () => {
    const rows = Array.from({ length: 40 }, (_, i) => `${i % 9},c${i % 8},${i % 2}`);
    const d = ingestCsv(enc(`x,cat,label\n${rows.join('\n')}\n`), { limits: { maxCategories: 5 } });
    expect(d.dropped).toEqual([{ name: 'cat', reason: 'too_many_levels' }]);
  });

  it('refuses more classes than the limit', () => {
    const rows = Array.from({ length: 30 }, (_, i) => `${i % 4},${i % 5},k${i % 10}`);
    expect(errorOf(enc(`a,b,label\n${rows.join('\n')}\n`), { limits: { maxClasses: 5 } })).toMatchObject({ code: 'csv.too_many_classes', params: { count: 10, limit: 5 } });
  });

  it('refuses a file whose only other columns are dropped', () => {
    const rows = Array.from({ length: 12 }, (_, i) => `${i + 1},same,${i % 2}`);
    expect(errorOf(enc(`id,const,label\n${rows.join('\n')}\n`))).toMatchObject({ code: 'csv.no_features', params: { target: 'label' } });
  });
});

describe('options', () => {
  it('takes the target by name or number and forces the task', () => {
    const text = enc(twoClass(44));
    expect(ingestCsv(text, { target: 'A' }).target).toMatchObject({ name: 'a', kind: 'regression' });
    expect(ingestCsv(text, { target: 2, task: 'classification' }).target).toMatchObject({ name: 'b', kind: 'classification' });
    expect(errorOf(text, { target: 'nope' })).toMatchObject({ code: 'csv.target_not_found', params: { target: 'nope', columns: 'a, b, label' } });
    expect(errorOf(text, { task: 'regression' })).toMatchObject({ code: 'csv.target_not_numeric', params: { target: 'label' } });
  });

  it('drops rows with missing features when asked, counting them', () => {
    const text = enc(`a,b,label\n${Array.from({ length: 20 }, (_, i) => `${i % 3 === 0 ? 'NA' : i % 5},${i % 4},${i % 2}`).join('\n')}\n`);
    const imputed = ingestCsv(text);
    expect(imputed.rows).toBe(20);
    const dropped = ingestCsv(text, { missing: 'drop' });
    expect(dropped.rows).toBe(13);
    expect(dropped.warnings.find((w) => w.code === 'csv.missing_rows_dropped')?.params.count).toBe(7);
    expect(dropped.features.flat().some((v) => typeof v === 'number' && Number.isNaN(v))).toBe(false);
  });
});

describe('schema (a --test file read like the training file)', () => {
  it('keeps the trained columns by name, in the trained order, and the trained classes', () => {
    const trained = ingestCsv(enc(twoClass(30)));
    const test = enc(`label,b,a,junk\nyes,1,2,x\nno,3,4,y\nmaybe,NA,5,z\n`);
    const d = ingestCsv(test, { schema: { columns: trained.columns, target: trained.target } });
    expect(d.columns.map((c) => c.name)).toEqual(['a', 'b']);
    expect(d.features[0]).toEqual([2, 1]);
    expect(d.y).toEqual(['yes', 'no', 'maybe']);
    expect(d.target.classes).toEqual(trained.target.classes);
  });

  it('names a trained column the test file lacks', () => {
    const trained = ingestCsv(enc(twoClass(30)));
    expect(errorOf(enc('a,label\n1,yes\n'), { schema: { columns: trained.columns, target: trained.target } })).toMatchObject({
      code: 'csv.schema_missing_column',
      params: { column: 'b' },
    });
  });
});

describe('user data in messages', () => {
  it('never quotes more than 100 characters of a cell or name', () => {
    const longName = 'n'.repeat(300);
    const rows = Array.from({ length: 12 }, (_, i) => `${i % 3},same${'x'.repeat(500)},${i % 2}`);
    const d = ingestCsv(enc(`${longName},c,label\n${rows.join('\n')}\n`));
    const w = d.warnings.find((x) => x.code === 'csv.column_dropped_constant');
    expect(w?.code).toBe('csv.column_dropped_constant');
    if (!w) return;
    for (const lang of ['en', 'ru'] as const) {
      const text = renderMessage(w, lang);
      expect(text).not.toContain('x'.repeat(101));
      expect(text.length).toBeLessThan(400);
    }
  });
});
