import { describe, expect, it } from 'vitest';
import { countOf, formatInteger, plural } from '../../src/core/plural.js';

const POINTS = { one: 'балл', few: 'балла', many: 'баллов', other: 'балла' };

describe('plural', () => {
  it('gives Russian forms for 1, 2, 5, 11, 21, 22, 111', () => {
    const got = [1, 2, 5, 11, 21, 22, 111].map((n) => plural('ru', n, POINTS));
    expect(got).toEqual(['балл', 'балла', 'баллов', 'баллов', 'балл', 'балла', 'баллов']);
  });
  it('gives English forms', () => {
    expect([1, 2, 0].map((n) => plural('en', n, { one: 'point', other: 'points' }))).toEqual(['point', 'points', 'points']);
  });
  it('groups digits in Russian with no-break spaces', () => {
    expect(formatInteger('ru', 4685824)).toBe('4\u00a0685\u00a0824');
    expect(formatInteger('en', 4685824)).toBe('4,685,824');
    expect(countOf('ru', 21, POINTS)).toBe('21\u00a0балл');
  });
});
