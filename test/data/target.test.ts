import { describe, expect, it } from 'vitest';
import { codeOf } from '../error-code.js';
import { findTargetColumn, readTarget } from '../../src/data/target.js';


describe('findTargetColumn', () => {
  const names = ['a', 'Label', 'c'];
  it('uses a name (case-insensitive) or a 1-based number', () => {
    expect(findTargetColumn(names, 'c')).toEqual({ index: 2, guessed: false });
    expect(findTargetColumn(names, 'LABEL').index).toBe(1);
    expect(findTargetColumn(names, 1).index).toBe(0);
    expect(findTargetColumn(names, '3').index).toBe(2);
  });

  it('prefers a column named like a target, then the last column (flagged as guessed)', () => {
    expect(findTargetColumn(names, undefined)).toEqual({ index: 1, guessed: false });
    expect(findTargetColumn(['x', 'Класс', 'z'], undefined).index).toBe(1);
    expect(findTargetColumn(['x', 'z'], undefined)).toEqual({ index: 1, guessed: true });
  });

  it('explains a wrong name or number', () => {
    expect(codeOf(() => findTargetColumn(names, 'price'))).toBe('csv.target_not_found');
    expect(codeOf(() => findTargetColumn(names, 4))).toBe('csv.target_index_out_of_range');
    expect(codeOf(() => findTargetColumn(names, 0))).toBe('csv.target_index_out_of_range');
  });
});

describe('readTarget', () => {
  it('makes text targets classes and marks missing ones undefined', () => {
    const t = readTarget('y', ['cat', 'dog', 'NA', 'cat'], { allowComma: false });
    expect(t.info).toEqual({ name: 'y', kind: 'classification', classes: ['cat', 'dog'] });
    expect(t.values).toEqual(['cat', 'dog', undefined, 'cat']);
    expect(t.warnings).toEqual([]);
  });

  it('treats few whole numbers as classes with canonical labels, and says so', () => {
    const t = readTarget('y', ['0', '1', '1.0', '2', ' 0 '], { allowComma: false });
    expect(t.info.kind).toBe('classification');
    expect(t.info.classes).toEqual(['0', '1', '2']);
    expect(t.values).toEqual(['0', '1', '1', '2', '0']);
    expect(t.warnings.map((w) => w.code)).toEqual(['csv.task_classification_guess']);
  });

  it('treats fractional or many distinct numbers as regression', () => {
    expect(readTarget('y', ['1.5', '2', '3'], { allowComma: false }).info.kind).toBe('regression');
    const ages = Array.from({ length: 100 }, (_, i) => String(18 + (i % 40)));
    expect(readTarget('age', ages, { allowComma: false }).info.kind).toBe('regression');
    // 15 distinct whole numbers in 1000 rows (1.5%) are still codes.
    const codes = Array.from({ length: 1000 }, (_, i) => String(i % 15));
    expect(readTarget('code', codes, { allowComma: false }).info.kind).toBe('classification');
  });

  it('obeys a forced task', () => {
    const t = readTarget('y', ['0', '1', '0'], { task: 'regression', allowComma: false });
    expect(t.info.kind).toBe('regression');
    expect(t.values).toEqual([0, 1, 0]);
    expect(t.warnings).toEqual([]);
    expect(readTarget('y', ['1.5', '2.5', '1.5'], { task: 'classification', allowComma: false }).info.classes).toEqual(['1.5', '2.5']);
    expect(codeOf(() => readTarget('y', ['1', 'two'], { task: 'regression', allowComma: false }))).toBe('csv.target_not_numeric');
  });

  it('refuses an all-missing target', () => {
    expect(codeOf(() => readTarget('y', ['', 'NA'], { allowComma: false }))).toBe('csv.target_all_missing');
  });
});
