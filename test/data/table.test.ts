import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/data/limits.js';
import { parseTable } from '../../src/data/table.js';

const codeOf = (f: () => unknown): { code?: string; params?: object } => {
  try {
    f();
  } catch (e) {
    return e as { code?: string; params?: object };
  }
  return {};
};

describe('parseTable', () => {
  it('parses RFC 4180 quoting: delimiters, newlines and doubled quotes inside quotes', () => {
    const t = parseTable('name,note\n"Smith, J.","said ""hi""\nthen left"\n', ',', DEFAULT_LIMITS);
    expect(t.records).toEqual([['name', 'note'], ['Smith, J.', 'said "hi"\nthen left']]);
  });

  it('trims cells and skips blank and all-empty lines, keeping true line numbers', () => {
    const text = ' a , b \n\n  \n1 , 2\n,,\n"x\ny",3\n\r\n4,5';
    const t = parseTable(text, ',', DEFAULT_LIMITS);
    expect(t.records).toEqual([['a', 'b'], ['1', '2'], ['x\ny', '3'], ['4', '5']]);
    expect(t.lines).toEqual([1, 4, 7, 9]);
  });

  it.each([
    ['LF', 'a,b\n1,2\n3,4\n'],
    ['CRLF', 'a,b\r\n1,2\r\n3,4\r\n'],
    ['CR', 'a,b\r1,2\r3,4\r'],
  ])('reads %s line endings alike', (_, text) => {
    const t = parseTable(text, ',', DEFAULT_LIMITS);
    expect(t.records).toEqual([['a', 'b'], ['1', '2'], ['3', '4']]);
    expect(t.lines).toEqual([1, 2, 3]);
  });

  it('numbers lines like csv-parse does when it tracks them itself', () => {
    const text = 'a;b\n1;"two\nlines"\n\n3;4\n5;"x"\n';
    const exact = (parse(text, { delimiter: ';', trim: true, skip_empty_lines: true, skip_records_with_empty_values: true, info: true }) as unknown as Array<{ info: { lines: number } }>).map((r) => r.info.lines);
    expect(parseTable(text, ';', DEFAULT_LIMITS).lines).toEqual(exact);
  });

  it('adds the offset of a removed sep= line to line numbers', () => {
    expect(parseTable('a,b\n1,2\n', ',', DEFAULT_LIMITS, 1).lines).toEqual([2, 3]);
  });

  it('cuts a trailing all-empty column but pads short rows and refuses long ones', () => {
    expect(parseTable('a,b,\n1,2,\n', ',', DEFAULT_LIMITS).width).toBe(2);
    const short = parseTable('a,b,c\n1,2\n3,4,5\n', ',', DEFAULT_LIMITS);
    expect(short.records[1]).toEqual(['1', '2', '']);
    expect(short.warnings[0]).toMatchObject({ code: 'csv.short_rows', params: { count: 1, line: 2, expected: 3 } });
    expect(codeOf(() => parseTable('a,b\n1,2\n3,4,5\n', ',', DEFAULT_LIMITS))).toMatchObject({ code: 'csv.ragged_row', params: { line: 3, expected: 2, got: 3 } });
  });

  it('reports quoting errors with a line number', () => {
    expect(codeOf(() => parseTable('a,b\n1,"x"y\n', ',', DEFAULT_LIMITS))).toMatchObject({ code: 'csv.bad_closing_quote', params: { line: 2 } });
    expect(codeOf(() => parseTable('a,b\n1,"open\n2,3\n', ',', DEFAULT_LIMITS))).toMatchObject({ code: 'csv.quote_not_closed', params: { line: 2 } });
  });

  it('skips title lines above the header, with a warning', () => {
    const t = parseTable('Report\n\nDraft\na,b\n1,2\n', ',', DEFAULT_LIMITS);
    expect(t.records).toEqual([['a', 'b'], ['1', '2']]);
    expect(t.warnings[0]).toMatchObject({ code: 'csv.title_rows_skipped', params: { count: 2, line: 3 } });
    // A one-column file has no title: every line has one cell.
    expect(parseTable('x\n1\n2\n', ',', DEFAULT_LIMITS).records).toHaveLength(3);
  });

  it('enforces cell and line length limits', () => {
    const limits = { ...DEFAULT_LIMITS, maxCellChars: 5, maxLineChars: 20 };
    expect(codeOf(() => parseTable('a,b\n1,"123456"\n', ',', limits))).toMatchObject({ code: 'csv.cell_too_long', params: { line: 2, column: 2, length: 6, limit: 5 } });
    expect(codeOf(() => parseTable(`a,b\n${'1'.repeat(21)}\n`, ',', limits))).toMatchObject({ code: 'csv.line_too_long', params: { line: 2, length: 21, limit: 20 } });
  });

  it('stops after the row limit and says so', () => {
    const t = parseTable('a\n1\n2\n3\n4\n5\n', ',', { ...DEFAULT_LIMITS, maxRows: 2 });
    expect(t.truncated).toBe(true);
    expect(t.records.length).toBe(4);
  });
});
