import { describe, expect, it } from 'vitest';
import { msg } from '../../src/data/messages.js';

const placeholders = (t: string) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('csv messages', () => {
  const entries = Object.entries(msg.texts) as Array<[string, { en: string; ru: string }]>;

  it('exist in English and Russian with the same placeholders', () => {
    expect(entries.length).toBeGreaterThan(40);
    for (const [key, text] of entries) {
      expect(text.en.length, key).toBeGreaterThan(10);
      expect(text.ru, key).toMatch(/[а-яё]/i);
      expect(placeholders(text.ru), key).toEqual(placeholders(text.en));
    }
  });

  it('truncate user data passed as params to 100 characters', () => {
    const e = msg.error('target_not_found', { target: 'x'.repeat(500), columns: 'a, b' });
    expect(e.render('en')).not.toContain('x'.repeat(101));
    expect(e.render('ru')).not.toContain('x'.repeat(101));
    expect(e.code).toBe('csv.target_not_found');
  });
});
