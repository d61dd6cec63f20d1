/**
 * Text -> a rectangular table of trimmed strings, parsed by csv-parse (RFC 4180: quoted
 * delimiters, quoted newlines, doubled quotes; CRLF, CR or LF). Blank lines and lines of empty
 * cells are skipped. Every record keeps its line number so later messages can point at it.
 */
import { parse } from 'csv-parse/sync';
import type { LocalizedMessage } from '../core/errors.js';
import type { Limits } from './limits.js';
import { msg } from './messages.js';

/** A parsed table: the first record (header or data) and the rest, all the same width. */
export interface Table {
  /** All records, each `width` cells long (short ones padded with ""). */
  records: string[][];
  /** 1-based line in the file where each record ends. */
  lines: number[];
  width: number;
  /** True when the row limit cut the parse short: there are more than `limits.maxRows` rows. */
  truncated: boolean;
  warnings: LocalizedMessage[];
}

interface CsvParseError {
  code?: string;
  lines?: number;
}

/** Refuses the first physical line longer than the limit (before parsing, which is costlier). */
function checkLineLengths(text: string, maxLineChars: number, lineOffset: number): void {
  let line = 1;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const ch = text[i];
    if (i === text.length || ch === '\n' || ch === '\r') {
      const length = i - start;
      if (length > maxLineChars) throw msg.error('line_too_long', { line: line + lineOffset, length, limit: maxLineChars });
      if (ch === '\r' && text[i + 1] === '\n') i++;
      start = i + 1;
      line++;
    }
  }
}

/**
 * The physical line on which each non-blank record ends, found by a quote-aware scan that
 * mirrors the parser's options (trimmed cells, quotes opening a field, blank records skipped).
 * Asking csv-parse for `info` per record costs more than the parse itself on big files, so we
 * scan ourselves and fall back to `info` only if the two disagree on the number of records.
 */
function recordEndLines(text: string, delimiter: string, maxRecords: number): number[] {
  const lines: number[] = [];
  let line = 1;
  let inQuotes = false;
  let atFieldStart = true;
  let blank = true;
  for (let i = 0; i < text.length && lines.length < maxRecords; i++) {
    const ch = text[i];
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          i++;
          blank = false;
        } else inQuotes = false;
      } else if (ch === '\n' || ch === '\r') {
        if (ch === '\r' && text[i + 1] === '\n') i++;
        line++;
        blank = false;
      } else if (ch !== ' ' && ch !== '\t') blank = false;
      continue;
    }
    if (ch === '\n' || ch === '\r') {
      if (!blank) lines.push(line);
      if (ch === '\r' && text[i + 1] === '\n') i++;
      line++;
      blank = true;
      atFieldStart = true;
    } else if (ch === delimiter) {
      atFieldStart = true;
    } else if (ch === '"' && atFieldStart) {
      inQuotes = true;
      atFieldStart = false;
    } else if (ch !== ' ' && ch !== '\t') {
      blank = false;
      atFieldStart = false;
    }
  }
  if (!blank && lines.length < maxRecords) lines.push(line);
  return lines;
}

/** csv-parse options shared by the fast and the exact (line-numbered) parse. */
function parseOptions(delimiter: string, to: number) {
  return {
    delimiter,
    quote: '"',
    trim: true,
    skip_empty_lines: true,
    skip_records_with_empty_values: true,
    relax_column_count: true,
    // A stray quote inside an unquoted cell (5'10") is kept as a character, as Excel does.
    relax_quotes: true,
    to,
  };
}

/**
 * The line where a quote opened and was never closed (csv-parse only knows where the file
 * ended, which is no help to a student looking for the stray quote).
 */
function unclosedQuoteLine(text: string, delimiter: string): number | undefined {
  let line = 1;
  let openedAt: number | undefined;
  let atFieldStart = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\r' && text[i + 1] === '\n') continue; // counted at the \n
    if (ch === '\n' || ch === '\r') {
      line++;
      if (openedAt === undefined) atFieldStart = true;
    } else if (openedAt !== undefined) {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else openedAt = undefined;
      }
    } else if (ch === delimiter) atFieldStart = true;
    else if (ch === '"' && atFieldStart) openedAt = line;
    else if (ch !== ' ' && ch !== '\t') atFieldStart = false;
  }
  return openedAt;
}

/** Turns csv-parse's errors into messages with the line number. */
function parseError(e: unknown, text: string, delimiter: string, lineOffset: number): Error {
  const err = e as CsvParseError;
  const line = (err.lines ?? 0) + lineOffset;
  if (err.code === 'CSV_QUOTE_NOT_CLOSED') {
    return msg.error('quote_not_closed', { line: (unclosedQuoteLine(text, delimiter) ?? err.lines ?? 0) + lineOffset });
  }
  if (err.code === 'CSV_INVALID_CLOSING_QUOTE' || err.code === 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE') {
    return msg.error('bad_closing_quote', { line });
  }
  return msg.error('parse_failed', { line });
}

/** Cells that hold something. */
function filled(record: string[]): number {
  return record.reduce((n, c) => (c === '' ? n : n + 1), 0);
}

/**
 * Excel reports often start with a title ("Sales report 2024") above the real header. Leading
 * records with a single filled cell, followed by a record with several, are titles (at most 5).
 * A one-column file never qualifies: its next record has one cell too.
 */
function titleRowCount(records: string[][]): number {
  let k = 0;
  while (k < 5 && k + 1 < records.length && filled(records[k] ?? []) <= 1) k++;
  return k > 0 && filled(records[k] ?? []) >= 2 ? k : 0;
}

/**
 * Parses CSV text with a known delimiter. `lineOffset` is added to line numbers (an Excel
 * `sep=` line removed before parsing still counts as line 1 for the student).
 */
export function parseTable(text: string, delimiter: string, limits: Limits, lineOffset = 0): Table {
  checkLineLengths(text, limits.maxLineChars, lineOffset);
  // Header + maxRows data rows + one more tells us the limit is exceeded without parsing 5M rows.
  const to = limits.maxRows + 2;
  let parsed: Array<{ record: string[]; line: number }>;
  try {
    const records = parse(text, parseOptions(delimiter, to)) as string[][];
    const ends = recordEndLines(text, delimiter, to);
    if (ends.length === records.length) {
      parsed = records.map((record, i) => ({ record, line: ends[i] ?? 0 }));
    } else {
      const exact = parse(text, { ...parseOptions(delimiter, to), info: true }) as unknown as Array<{ record: string[]; info: { lines: number } }>;
      parsed = exact.map(({ record, info }) => ({ record, line: info.lines }));
    }
  } catch (e) {
    throw parseError(e, text, delimiter, lineOffset);
  }
  if (parsed.length === 0) throw msg.error('empty_file');
  const warnings: LocalizedMessage[] = [];
  const titles = titleRowCount(parsed.map((p) => p.record));
  if (titles > 0) {
    warnings.push(msg.warning('title_rows_skipped', { count: titles, line: (parsed[titles - 1]?.line ?? 0) + lineOffset }));
    parsed = parsed.slice(titles);
  }
  const first = parsed[0]?.record ?? [];
  // A trailing delimiter on every line ("a,b,c,") makes an empty, nameless last column:
  // an artifact, not data, so it is cut off without a word.
  let width = Math.max(1, first.length);
  while (width > 1 && parsed.every(({ record }) => (record[width - 1] ?? '') === '')) width--;
  const records: string[][] = [];
  const lines: number[] = [];
  let shortRows = 0;
  let firstShortLine = 0;
  for (const { record, line: rawLine } of parsed) {
    const line = rawLine + lineOffset;
    let cells = record;
    if (cells.length > width) {
      // Extra cells are fine only when empty (a trailing delimiter); otherwise the row is ragged.
      const extra = cells.slice(width);
      if (extra.some((c) => c !== '')) {
        throw msg.error('ragged_row', { line, expected: width, got: cells.length });
      }
      cells = cells.slice(0, width);
    } else if (cells.length < width) {
      shortRows++;
      if (!firstShortLine) firstShortLine = line;
      cells = [...cells, ...new Array<string>(width - cells.length).fill('')];
    }
    for (let j = 0; j < cells.length; j++) {
      const cell = cells[j] ?? '';
      if (cell.length > limits.maxCellChars) {
        throw msg.error('cell_too_long', { line, column: j + 1, length: cell.length, limit: limits.maxCellChars });
      }
    }
    records.push(cells);
    lines.push(line);
  }
  if (shortRows > 0) warnings.push(msg.warning('short_rows', { count: shortRows, line: firstShortLine, expected: width }));
  return { records, lines, width, truncated: parsed.length >= to, warnings };
}
