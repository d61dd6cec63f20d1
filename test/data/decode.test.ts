import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { codeOf } from '../error-code.js';
import { renderMessage } from '../../src/core/errors.js';
import { decodeBytes } from '../../src/data/decode.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeBytes', () => {
  it('reads UTF-8 and strips a BOM', () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('имя,y\n1,2\n')]);
    const d = decodeBytes(bom);
    expect(d.text.startsWith('имя')).toBe(true);
    expect(d.encoding).toBe('utf-8');
    expect(d.warnings).toEqual([]);
  });

  it('reads UTF-16 LE and BE with a BOM, without warnings', () => {
    const text = 'возраст,y\n1,2\n';
    const le = new Uint8Array([0xff, 0xfe, ...iconv.encode(text, 'utf-16le')]);
    const be = new Uint8Array([0xfe, 0xff, ...iconv.encode(text, 'utf-16be')]);
    expect(decodeBytes(le).text).toBe(text);
    expect(decodeBytes(be).text).toBe(text);
    expect(decodeBytes(be).warnings).toEqual([]);
  });

  it('guesses Windows-1251 for Russian Excel exports and says so', () => {
    const text = 'Возраст;Доход;Город\n25;1000;Москва\n31;2000;Новосибирск\n';
    const d = decodeBytes(new Uint8Array(iconv.encode(text, 'windows-1251')));
    expect(d.text).toBe(text);
    expect(d.encoding).toBe('windows-1251');
    expect(d.warnings.map((w) => w.code)).toEqual(['csv.guessed_encoding']);
    const [w] = d.warnings;
    expect(renderMessage(w!, 'ru')).toBe('Файл не в UTF-8: похоже на Windows-1251 (кириллица), так он и прочитан. Если названия столбцов выглядят странно, сохраните его как «CSV UTF-8».');
    expect(renderMessage(w!, 'en')).toBe('The file is not UTF-8; it was read as Windows-1251 (Cyrillic) (a guess). If the column names look wrong, save it as "CSV UTF-8".');
    // Still plain data: it crosses a worker boundary and renders the same afterwards.
    expect(renderMessage(structuredClone(w!), 'ru')).toBe(renderMessage(w!, 'ru'));
  });

  it('tells KOI8-R and CP866 from Windows-1251 by letter frequencies', () => {
    const text = 'Название;Цена\nкарандаш;10\nтетрадь;25\nручка синяя;15\n';
    expect(decodeBytes(new Uint8Array(iconv.encode(text, 'koi8-r'))).encoding).toBe('koi8-r');
    expect(decodeBytes(new Uint8Array(iconv.encode(text, 'cp866'))).encoding).toBe('cp866');
  });

  it('reads Western single-byte text as Windows-1252', () => {
    const text = 'Größe,Café\n1,crème brûlée\n';
    const d = decodeBytes(new Uint8Array(iconv.encode(text, 'windows-1252')));
    expect(d.text).toBe(text);
    expect(d.encoding).toBe('windows-1252');
  });

  it('refuses bytes that no code page explains rather than show mojibake', () => {
    expect(codeOf(() => decodeBytes(new Uint8Array([0x61, 0x2c, 0x81, 0x8d, 0x8f, 0x90, 0x9d, 0x0a])))).toBe('csv.not_utf8');
  });

  it('refuses double-encoded UTF-8 (mojibake)', () => {
    const garbled = iconv.decode(Buffer.from('имя,возраст\n', 'utf8'), 'latin1');
    expect(codeOf(() => decodeBytes(utf8(garbled)))).toBe('csv.mojibake');
  });

  it('refuses empty and whitespace-only files', () => {
    expect(codeOf(() => decodeBytes(new Uint8Array()))).toBe('csv.empty_file');
    expect(codeOf(() => decodeBytes(utf8(' \r\n\t')))).toBe('csv.empty_file');
  });

  it('refuses NUL bytes with their position, also inside UTF-16', () => {
    expect(codeOf(() => decodeBytes(new Uint8Array([0x61, 0x2c, 0x62, 0x0a, 0x31, 0x00, 0x32])))).toBe('csv.binary_nul');
    const le = new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x00, 0x00, 0x62, 0x00]);
    expect(codeOf(() => decodeBytes(le))).toBe('csv.binary_nul');
  });
});
