import { describe, expect, it } from 'vitest';
import { streakFromDays, utcDay } from '../../src/store/streak.js';

describe('streakFromDays', () => {
  const today = utcDay(Date.UTC(2024, 0, 31, 8));

  it('counts from today or yesterday and stops at the first gap', () => {
    expect(streakFromDays([today, today - 1, today - 2, today - 4], Date.UTC(2024, 0, 31, 8))).toBe(3);
    expect(streakFromDays([today - 1, today - 2], Date.UTC(2024, 0, 31, 8))).toBe(2);
    expect(streakFromDays([today - 2, today - 3], Date.UTC(2024, 0, 31, 8))).toBe(0);
    expect(streakFromDays([], Date.UTC(2024, 0, 31, 8))).toBe(0);
  });

  it('skips days after today', () => {
    expect(streakFromDays([today + 3, today, today - 1], Date.UTC(2024, 0, 31, 8))).toBe(2);
  });

  it('puts a time on its UTC day', () => {
    expect(utcDay(Date.UTC(1970, 0, 2, 23, 59))).toBe(1);
    expect(utcDay(Date.UTC(1970, 0, 3))).toBe(2);
  });
});
