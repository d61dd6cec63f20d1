import { describe, expect, it } from 'vitest';
import { UserInputError } from '../../src/core/errors.js';
import { checkDeclaredSize, formatBytes } from '../../src/data/limits.js';
import { encodingName, msg } from '../../src/data/messages.js';

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

describe('csv messages: counts', () => {
  const ru = (key: keyof typeof msg.texts, params: Record<string, string | number>) => msg.error(key, params).render('ru');
  const en = (key: keyof typeof msg.texts, params: Record<string, string | number>) => msg.error(key, params).render('en');

  it('put the Russian plural form after every count', () => {
    expect([1, 2, 5, 21].map((distinct) => ru('task_classification_guess', { target: 'y', distinct }).split(',')[0])).toEqual([
      'В целевом столбце «y» всего 1 разное целое значение',
      'В целевом столбце «y» всего 2 разных целых значения',
      'В целевом столбце «y» всего 5 разных целых значений',
      'В целевом столбце «y» всего 21 разное целое значение',
    ]);
    expect(ru('short_rows', { count: 1, expected: 3, line: 4 })).toMatch(/^В 1 строке меньше 3 ячеек \(первая — строка 4\)/);
    expect(ru('short_rows', { count: 5, expected: 21, line: 4 })).toMatch(/^В 5 строках меньше 21 ячейки /);
    expect(ru('target_missing_rows', { count: 1, target: 'y', lines: '7' })).toBe('1 строка без значения в целевом столбце «y» отброшена (строки 7).');
    expect(ru('missing_rows_dropped', { count: 3, columns: 'a' })).toBe('3 строки с пропусками отброшены (a).');
    expect(ru('ragged_row', { line: 7, got: 4, expected: 3 })).toMatch(/^В строке 7 — 4 ячейки, а в первой строке — 3\./);
    expect(ru('empty_names', { count: 1, columns: '2' })).toBe('У 1 столбца не было названия (столбцы 2); он назван column_N по номеру.');
    expect(ru('too_many_classes', { target: 'y', count: 52, limit: 50 })).toContain('«y» 52 класса, а предел — 50');
    expect(ru('predict_wrong_count', { expected: 4, got: 3, names: 'a, b, c, d' })).toBe('Нужно 4 значения (a, b, c, d), а получено 3.');
  });

  it('agree with a count of one in English too', () => {
    expect(en('short_rows', { count: 1, expected: 3, line: 4 })).toMatch(/^1 row has fewer than 3 cells/);
    expect(en('target_missing_rows', { count: 1, target: 'y', lines: '7' })).toBe('1 row has no value in the target "y" and was dropped (lines 7).');
    expect(en('target_missing_rows', { count: 2, target: 'y', lines: '7, 9' })).toBe('2 rows have no value in the target "y" and were dropped (lines 7, 9).');
    expect(en('predict_wrong_count', { expected: 1, got: 2, names: 'a' })).toBe('Expected 1 value (a), got 2.');
  });
});

describe('sizes and encodings in messages', () => {
  it('formats sizes in the language: MB/KB/B in English, МБ/КБ/байт in Russian', () => {
    expect([10 * 1024 * 1024, 1.5 * 1024 * 1024, 512 * 1024, 900].map((b) => formatBytes(b))).toEqual(['10 MB', '1.5 MB', '512 KB', '900 B']);
    expect([10 * 1024 * 1024, 1.5 * 1024 * 1024, 512 * 1024, 1, 2, 900].map((b) => formatBytes(b, 'ru'))).toEqual([
      '10\u00a0МБ',
      '1,5\u00a0МБ',
      '512\u00a0КБ',
      '1\u00a0байт',
      '2\u00a0байта',
      '900\u00a0байт',
    ]);
  });

  it('says a file is too large in each language’s units, also after crossing a worker', () => {
    let caught: unknown;
    try {
      checkDeclaredSize(25 * 1024 * 1024);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(UserInputError);
    const e = caught as UserInputError;
    expect(e.code).toBe('csv.file_too_large');
    expect(e.params).toEqual({ size: '25 MB', limit: '10 MB' });
    expect(e.render('en')).toBe('The file is 25 MB, more than the limit of 10 MB. Send a smaller sample of the rows.');
    expect(e.render('ru')).toBe('Файл весит 25\u00a0МБ, а предел — 10\u00a0МБ. Пришлите часть строк поменьше.');
    expect(UserInputError.fromPlain(structuredClone(e.toPlain())).render('ru')).toBe(e.render('ru'));
  });

  it('names encodings in Russian words', () => {
    expect(encodingName('windows-1251', 'ru')).toBe('Windows-1251 (кириллица)');
    expect(encodingName('cp866', 'ru')).toBe('CP866 (кириллица, DOS)');
    expect(encodingName('windows-1251', 'en')).toBe('Windows-1251 (Cyrillic)');
    expect(encodingName('x-unknown', 'ru')).toBe('x-unknown');
  });
});
