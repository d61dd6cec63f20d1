import { describe, expect, it } from 'vitest';
import { cleanNames, looksLikeHeader, readHeader } from '../../src/data/header.js';

describe('header detection', () => {
  it('takes text above numbers as a header', () => {
    expect(looksLikeHeader(['age', 'income', 'city'], [['25', '1000', 'Moscow'], ['31', '2000', 'Omsk']])).toBe(true);
  });

  it('takes numbers above numbers as data', () => {
    expect(looksLikeHeader(['5.1', '3.5', 'setosa'], [['4.9', '3.0', 'setosa'], ['6.3', '2.9', 'virginica']])).toBe(false);
  });

  it('keeps a header whose names include a year-like number', () => {
    expect(looksLikeHeader(['2020', 'sales'], [['1', '2'], ['3', '4']])).toBe(true);
  });

  it('assumes a header in an all-text file', () => {
    expect(looksLikeHeader(['colour', 'shape'], [['red', 'round']])).toBe(true);
  });

  it('generates column_N names and warns when there is no header', () => {
    const h = readHeader([['1', '2'], ['3', '4']]);
    expect(h).toMatchObject({ hasHeader: false, names: ['column_1', 'column_2'] });
    expect(h.warnings.map((w) => w.code)).toEqual(['csv.no_header']);
  });
});

describe('cleanNames', () => {
  it('names empty columns by position and renames duplicates without merging', () => {
    const { names, warnings } = cleanNames(['', 'age', 'Age', 'age', ' x  y ', 'age_2']);
    expect(names).toEqual(['column_1', 'age', 'Age_3', 'age_4', 'x y', 'age_2']);
    // "Age" is a case-insensitive repeat; age_2 is a real column, so the renames skip to _3 and _4.
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(warnings.map((w) => w.code)).toEqual(['csv.empty_names', 'csv.duplicate_name', 'csv.duplicate_name']);
    expect(warnings[0]?.params).toMatchObject({ columns: '1', count: 1 });
  });

  it('does not collide a generated name with a real one', () => {
    expect(cleanNames(['column_1', '']).names[0]).toBe('column_1');
    expect(cleanNames(['', 'column_1']).names).toEqual(['column_1_', 'column_1']);
  });
});
