import { describe, expect, it } from 'vitest';
import { isUserInputError, type UserInputError } from '../../src/core/errors.js';
import { datasetFromUpload, NAME_LIST_LIMITS, parseNameList } from '../../src/spells/upload.js';

const enc = (s: string) => new TextEncoder().encode(s);
const names = (n: number, prefix = 'Spell') => Array.from({ length: n }, (_, i) => `${prefix} ${i}`);

/** The UserInputError thrown by f, checked to have text in both languages. */
function userError(f: () => unknown): UserInputError {
  try {
    f();
  } catch (e) {
    if (!isUserInputError(e)) throw e;
    expect(e.render('ru')).not.toBe(e.render('en'));
    expect(e.render('ru')).toMatch(/[а-я]/);
    return e;
  }
  throw new Error('expected a UserInputError');
}

describe('parseNameList (.txt)', () => {
  it('reads one name per line, tidies spaces, drops blanks and case-insensitive duplicates', () => {
    const r = parseNameList(enc(['  Fire   Bolt ', '', ...names(20), 'fire bolt', '\r'].join('\r\n')));
    expect(r.names[0]).toBe('Fire Bolt');
    expect(r.names).toHaveLength(21);
    expect(r.duplicates).toBe(1);
  });

  it('accepts Cyrillic with a UTF-8 BOM, and Windows-1251 with a warning', () => {
    const ru = names(25, 'Огненный шар');
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...enc(ru.join('\n'))]);
    expect(parseNameList(withBom).names[0]).toBe('Огненный шар 0');
    // "Огненный шар N" in Windows-1251: О=0xCE г=0xE3 е=0xE5 н=0xED н ы=0xFB й=0xE9, ш=0xF8 а=0xE0 р=0xF0.
    const cp1251 = ru.map((_, i) => [0xce, 0xe3, 0xed, 0xe5, 0xed, 0xed, 0xfb, 0xe9, 0x20, 0xf8, 0xe0, 0xf0, 0x20, ...enc(String(i))]);
    const bytes = new Uint8Array(cp1251.flatMap((l) => [...l, 0x0a]));
    const r = parseNameList(bytes);
    expect(r.names[0]).toBe('Огненный шар 0');
    expect(r.warnings.map((w) => w.code)).toContain('csv.guessed_encoding');
  });

  it('refuses too few, too many and too long names with the limit in the message', () => {
    expect(userError(() => parseNameList(enc(names(19).join('\n')))).code).toBe('spells.too_few_names');
    expect(userError(() => parseNameList(enc([...names(19), 'spell 1'].join('\n')))).code).toBe('spells.too_few_names');
    const many = userError(() => parseNameList(enc(names(NAME_LIST_LIMITS.maxNames + 1).join('\n'))));
    expect(many.code).toBe('spells.too_many_names');
    const long = userError(() => parseNameList(enc([...names(20), 'x'.repeat(65)].join('\n'))));
    expect(long.code).toBe('spells.name_too_long');
    expect(long.params).toMatchObject({ line: 21, length: 65, max: 64 });
    expect(long.message.length).toBeLessThan(300);
  });

  it('refuses binary files, images and invisible control characters', () => {
    expect(userError(() => parseNameList(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]))).code).toBe('csv.binary_png');
    expect(userError(() => parseNameList(new Uint8Array([65, 66, 0, 67, 10, 68]))).code).toBe('csv.binary_nul');
    expect(userError(() => parseNameList(enc([...names(20), 'Zero\u200bWidth'].join('\n')))).code).toBe('spells.control_char');
    expect(userError(() => parseNameList(new Uint8Array(0))).code).toBe('csv.empty_file');
  });
});

describe('parseNameList (CSV column)', () => {
  const csv = ['id;spell;level', ...names(22).map((n, i) => `${i};"${n}";${i % 9}`)].join('\n');

  it('finds a column called "spell"/"name", or the one given by header or number', () => {
    expect(parseNameList(enc(csv), { filename: 'list.csv' }).names).toEqual(names(22));
    expect(parseNameList(enc(csv), { filename: 'list.csv', column: 'SPELL' }).names).toEqual(names(22));
    expect(parseNameList(enc(csv), { filename: 'list.csv', column: '2' }).names).toEqual(names(22));
  });

  it('asks which column when it cannot tell, and names the columns', () => {
    const plain = ['a,b', ...names(22).map((n) => `${n},x`)].join('\n');
    const e = userError(() => parseNameList(enc(plain), { filename: 'list.csv' }));
    expect(e.code).toBe('spells.csv_pick_column');
    expect(e.message).toContain('a, b');
    expect(userError(() => parseNameList(enc(csv), { filename: 'x.csv', column: 'power' })).code).toBe('spells.csv_no_column');
  });

  it('makes a dataset that keeps the list\'s capital style', () => {
    const ds = datasetFromUpload(enc(names(30, 'fire').join('\n')), { filename: 'mine.txt' });
    expect(ds.id).toBe('upload:mine.txt');
    expect(ds.caseStyle).toBe('lower');
  });
});
