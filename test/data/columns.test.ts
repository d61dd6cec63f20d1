import { describe, expect, it } from 'vitest';
import { typeColumn, type TypeOptions } from '../../src/data/columns.js';

const opts = (n: number, over: Partial<TypeOptions> = {}): TypeOptions => ({
  allowComma: false,
  maxCategories: 20,
  lines: Array.from({ length: n }, (_, i) => i + 2),
  ...over,
});

describe('typeColumn', () => {
  it('reads numbers, marking missing and infinite cells NaN', () => {
    const cells = ['1.5', 'NA', '2', 'inf', '#DIV/0!', '3'];
    const t = typeColumn('x', cells, opts(cells.length));
    expect(t.kept).toBe(true);
    if (!t.kept) return;
    expect(t.info).toEqual({ name: 'x', kind: 'numeric' });
    expect(t.values.map((v) => (Number.isNaN(v) ? 'NaN' : v))).toEqual([1.5, 'NaN', 2, 'NaN', 'NaN', 3]);
    expect([t.missing, t.infinite]).toEqual([3, 1]);
  });

  it('reads decimal commas only when allowed, and warns', () => {
    const cells = ['3,14', '2,5', '1', '0,5'];
    const t = typeColumn('x', cells, opts(4, { allowComma: true }));
    expect(t.kept && t.info.kind).toBe('numeric');
    if (!t.kept) return;
    expect(t.values).toEqual([3.14, 2.5, 1, 0.5]);
    expect(t.warnings.map((w) => w.code)).toEqual(['csv.decimal_comma']);
    const asText = typeColumn('x', cells, opts(4));
    expect(asText.kept && asText.info.kind).toBe('categorical');
  });

  it('reads three decimals after a comma as decimals in a file that allows decimal commas', () => {
    // "1,250" parses both ways; in a semicolon file it is 1.25, not 1250.
    const cells = ['1,250', '3,737', '2,125', '4,500'];
    const t = typeColumn('x', cells, opts(4, { allowComma: true }));
    expect(t.kept && t.info.kind).toBe('numeric');
    if (!t.kept) return;
    expect(t.values).toEqual([1.25, 3.737, 2.125, 4.5]);
    expect(t.warnings.map((w) => w.code)).toEqual(['csv.decimal_comma']);
  });

  it('turns a few junk cells in a numeric column into missing, with the line of the first', () => {
    const cells = Array.from({ length: 20 }, (_, i) => String(i % 7));
    cells[4] = 'oops';
    const t = typeColumn('n', cells, opts(20));
    if (!t.kept) throw new Error('kept expected');
    expect(t.info.kind).toBe('numeric');
    expect(t.warnings[0]).toMatchObject({ code: 'csv.non_numeric_cells', params: { column: 'n', count: 1, line: 6, example: 'oops' } });
  });

  it('makes a text column with few levels categorical, levels sorted', () => {
    const t = typeColumn('c', ['b', 'a', 'b', '', 'c', 'a'], opts(6));
    if (!t.kept) throw new Error('kept expected');
    expect(t.info).toEqual({ name: 'c', kind: 'categorical', categories: ['a', 'b', 'c'] });
    expect(t.missing).toBe(1);
  });

  it.each([
    ['empty', ['', 'NA', ' '], 'empty'],
    ['constant numbers', ['1', '1', '1.0', ''], 'constant'],
    ['constant text', ['ru', 'ru', 'ru'], 'constant'],
    ['a row counter', Array.from({ length: 12 }, (_, i) => String(i + 1)), 'id_like'],
    ['unique codes', Array.from({ length: 12 }, (_, i) => `X${i * 7}`), 'id_like'],
    ['sentences', Array.from({ length: 25 }, (_, i) => `this is review number ${i % 22}`), 'free_text'],
    ['too many levels', Array.from({ length: 50 }, (_, i) => `c${i % 25}`), 'too_many_levels'],
    ['many dates', Array.from({ length: 30 }, (_, i) => `${1 + (i % 28)}.0${1 + (i % 3)}.2024`), 'date'],
    ['timestamps', Array.from({ length: 30 }, (_, i) => `2024-03-01T10:${String(i).padStart(2, '0')}:00Z`), 'date'],
  ])('drops %s', (_, cells, reason) => {
    const t = typeColumn('col', cells, opts(cells.length));
    expect(t.kept).toBe(false);
    if (!t.kept) expect(t.reason).toBe(reason);
  });

  it('drops an all-distinct numeric column only when it is named like an id or counts rows', () => {
    const measurements = Array.from({ length: 15 }, (_, i) => String(((i * 37) % 101) / 10));
    expect(typeColumn('weight', measurements, opts(15)).kept).toBe(true);
    expect(typeColumn('user_id', measurements, opts(15)).kept).toBe(false);
  });

  it('keeps a date column with few distinct dates as categories', () => {
    const t = typeColumn('day', Array.from({ length: 30 }, (_, i) => `2024-01-0${1 + (i % 3)}`), opts(30));
    expect(t.kept && t.info.categories).toEqual(['2024-01-01', '2024-01-02', '2024-01-03']);
  });

  it('never drops with a forced kind (reading a test file with a trained schema)', () => {
    const t = typeColumn('c', ['x', 'x'], opts(2, { forceKind: 'categorical' }));
    expect(t.kept).toBe(true);
  });
});
