import { describe, expect, it } from 'vitest';
import { botMessages, count, waitText } from '../../src/bot/i18n.js';

describe('bot texts', () => {
  it('every message exists in ru and en, with the same placeholders', () => {
    for (const [key, text] of Object.entries(botMessages.texts)) {
      expect(text.en.length, key).toBeGreaterThan(0);
      expect(text.ru.length, key).toBeGreaterThan(0);
      const ph = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(ph(text.ru), key).toEqual(ph(text.en));
    }
  });

  it('points: 1 балл, 2 балла, 5 баллов, 11 баллов, 21 балл, 2,5 балла', () => {
    expect([1, 2, 5, 11, 21, 2.5, 0].map((n) => count('ru', n, 'points'))).toEqual(
      ['1 балл', '2 балла', '5 баллов', '11 баллов', '21 балл', '2,5 балла', '0 баллов'].map((s) => s.replace(' ', '\u00a0')),
    );
    expect([1, 2, 1.5].map((n) => count('en', n, 'points'))).toEqual(['1\u00a0point', '2\u00a0points', '1.5\u00a0points']);
  });

  it('waits round up to whole seconds in the accusative', () => {
    expect(waitText('ru', 1)).toBe('1\u00a0секунду');
    expect(waitText('ru', 2500)).toBe('3\u00a0секунды');
    expect(waitText('ru', 45_000)).toBe('45\u00a0секунд');
    expect(waitText('ru', 21_000)).toBe('21\u00a0секунду');
    expect(waitText('en', 1000)).toBe('1\u00a0second');
  });
});
