import { describe, expect, it } from 'vitest';
import { isInfinite, isMissing, parseNumber } from '../../src/data/values.js';

describe('isMissing / isInfinite', () => {
  it('knows the spellings of "no value"', () => {
    for (const s of ['', ' ', 'NaN', 'na', 'N/A', 'n/a', 'NULL', 'None', '-', '?', '#N/A', '#DIV/0!', '#VALUE!']) {
      expect(isMissing(s), s).toBe(true);
    }
    for (const s of ['0', 'no', 'Nan Goldin', '-1']) expect(isMissing(s), s).toBe(false);
  });

  it('treats inf, Infinity and overflowing numbers as infinite', () => {
    for (const s of ['inf', '-inf', '+Infinity', '∞', '1e999', '-1E400']) expect(isInfinite(s), s).toBe(true);
    for (const s of ['1e300', 'info', '5']) expect(isInfinite(s), s).toBe(false);
  });
});

describe('parseNumber', () => {
  it.each([
    ['3.14', 'dot', 3.14],
    ['-2e-3', 'dot', -0.002],
    ['.5', 'dot', 0.5],
    ['1,234,567.5', 'dot', 1234567.5],
    ['1 234', 'dot', 1234],
    ['3,14', 'comma', 3.14],
    ['1.234,5', 'comma', 1234.5],
    ['1 234,5', 'comma', 1234.5],
    ['2.5', 'comma', 2.5],
    ['1.234', 'comma', 1234],
  ] as const)('%s in %s style is %d', (cell, style, expected) => {
    expect(parseNumber(cell, style)).toBeCloseTo(expected, 10);
  });

  it.each([
    ['3,14', 'dot'],
    ['12,34,5', 'dot'],
    ['abc', 'dot'],
    ['1.2.3', 'dot'],
    ['0x10', 'dot'],
    ['', 'comma'],
    ['1,2,3', 'comma'],
  ] as const)('%s is not a number in %s style', (cell, style) => {
    expect(parseNumber(cell, style)).toBeUndefined();
  });
});
