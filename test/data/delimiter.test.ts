import { describe, expect, it } from 'vitest';
import { detectDelimiter, sampleFieldCounts } from '../../src/data/delimiter.js';

describe('sampleFieldCounts', () => {
  it('counts fields per record, honouring quotes, doubled quotes and quoted newlines', () => {
    const text = 'a,b,c\n"x, y","he said ""hi, there""","two\nlines"\n\n1,2,3\r\n';
    expect(sampleFieldCounts(text, ',')).toEqual([3, 3, 3]);
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['comma', 'a,b,c\n1,2,3\n4,5,6\n', ','],
    ['semicolon with decimal commas', 'a;b;c\n1,5;2,5;x\n3,25;4;y\n', ';'],
    ['tab', 'a\tb\tc\n1\t2\t3\n', '\t'],
    ['pipe', 'a|b|c\n1|2|3\n', '|'],
    ['comma with semicolons inside quotes', 'a,b\n"x;y;z",1\n"p;q;r",2\n', ','],
  ])('detects %s', (_, text, expected) => {
    expect(detectDelimiter(text).delimiter).toBe(expected);
  });

  it('is not misled by a title line above the table', () => {
    expect(detectDelimiter('Sales report 2024\na;b;c\n1;2;3\n4;5;6\n').delimiter).toBe(';');
  });

  it('obeys and removes an Excel sep= line', () => {
    const g = detectDelimiter('sep=|\r\na|b\n1|2\n');
    expect(g).toMatchObject({ delimiter: '|', fromSepLine: true, linesRemoved: 1, text: 'a|b\n1|2\n' });
  });

  it('falls back to a comma for a one-column file', () => {
    expect(detectDelimiter('x\n1\n2\n').delimiter).toBe(',');
  });
});
