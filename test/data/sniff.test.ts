import { describe, expect, it } from 'vitest';
import { codeOf } from '../error-code.js';
import { refuseKnownFormats, refuseNonCsvText, refuseNulBytes } from '../../src/data/sniff.js';

const bytes = (...b: number[]) => new Uint8Array(b);
const ascii = (s: string) => new TextEncoder().encode(s);

describe('refuseKnownFormats', () => {
  it.each([
    ['png', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a), 'csv.binary_png'],
    ['jpeg', bytes(0xff, 0xd8, 0xff, 0xe1), 'csv.binary_jpeg'],
    ['gif', ascii('GIF89a'), 'csv.binary_gif'],
    ['pdf', ascii('%PDF-1.7'), 'csv.binary_pdf'],
    ['gzip', bytes(0x1f, 0x8b, 0x08, 0x00), 'csv.binary_gzip'],
    ['xls', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0), 'csv.binary_xls'],
    ['xlsx', new Uint8Array([...bytes(0x50, 0x4b, 0x03, 0x04), ...ascii('....xl/workbook.xml')]), 'csv.binary_xlsx'],
    ['ods', new Uint8Array([...bytes(0x50, 0x4b, 0x03, 0x04), ...ascii('mimetypeapplication/vnd.oasis.opendocument.spreadsheet')]), 'csv.binary_ods'],
    ['zip', new Uint8Array([...bytes(0x50, 0x4b, 0x03, 0x04), ...ascii('data.csv')]), 'csv.binary_zip'],
  ])('names a %s file', (_, b, code) => {
    expect(codeOf(() => refuseKnownFormats(b))).toBe(code);
  });

  it('lets text through', () => {
    expect(codeOf(() => refuseKnownFormats(ascii('a,b\n1,2\n')))).toBeUndefined();
    expect(codeOf(() => refuseNulBytes(ascii('a,b\n1,2\n')))).toBeUndefined();
  });
});

describe('refuseNonCsvText', () => {
  it('refuses HTML pages, also with leading whitespace or a comment-free <html>', () => {
    expect(codeOf(() => refuseNonCsvText('\n  <!doctype html><html></html>'))).toBe('csv.html_file');
    expect(codeOf(() => refuseNonCsvText('<HTML lang="ru"><body>x</body></HTML>'))).toBe('csv.html_file');
  });

  it('refuses valid JSON but not CSV that starts with a bracket', () => {
    expect(codeOf(() => refuseNonCsvText('{"a": [1, 2]}'))).toBe('csv.json_file');
    expect(codeOf(() => refuseNonCsvText('[1,2]\n'))).toBe('csv.json_file');
    expect(codeOf(() => refuseNonCsvText('[a],b\n1,2\n'))).toBeUndefined();
  });
});
