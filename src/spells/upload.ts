/**
 * A class's own name list: a .txt with one name per line, or one column of a CSV file.
 *
 * Bytes are decoded and checked by the CSV ingest's helpers (src/data: encodings, binary
 * files, HTML/JSON pages), so the same file gets the same diagnosis everywhere. On top of that
 * a name list has its own limits: 20 to 20,000 different names of at most 64 characters.
 */
import { parse } from 'csv-parse/sync';
import type { LocalizedMessage } from '../core/errors.js';
import { decodeBytes } from '../data/decode.js';
import { detectDelimiter } from '../data/delimiter.js';
import { refuseNonCsvText } from '../data/sniff.js';
import { detectCaseStyle } from './case-style.js';
import type { NameDataset } from './datasets.js';
import { msg } from './messages.js';

/** Limits of an uploaded list. */
export const NAME_LIST_LIMITS = {
  minNames: 20,
  maxNames: 20_000,
  /** Characters (code points) per name. */
  maxLength: 64,
  /** 20,000 names of 64 two-byte (e.g. Cyrillic) characters, plus line ends, fit. */
  maxBytes: 3 * 1024 * 1024,
  /** Distinct characters: more means it is not a list of names, and the softmax would be huge. */
  maxDistinctChars: 200,
} as const;

/** Options of `parseNameList`. */
export interface ParseNamesOptions {
  /** The uploaded file's name: ".csv"/".tsv" selects CSV parsing. */
  filename?: string;
  /** CSV only: the column with the names, by header name (any case) or 1-based number. */
  column?: string;
}

/** The names of a file and anything worth telling the student. */
export interface ParsedNames {
  /** Names as written (trimmed, inner spaces collapsed), duplicates removed (ignoring case). */
  names: string[];
  /** How many duplicate lines were dropped. */
  duplicates: number;
  warnings: LocalizedMessage[];
}

/** Header cells we accept as "the names column" without being told. */
const NAME_HEADERS = ['name', 'names', 'spell', 'spells', 'incantation', 'title', 'имя', 'название', 'заклинание', 'заклинания'];

function isCsv(opts: ParseNamesOptions): boolean {
  return opts.column !== undefined || /\.(csv|tsv)$/i.test(opts.filename ?? '');
}

/** The cells of the names column of a CSV text, with their line numbers. */
function csvColumn(text: string, column: string | undefined): Array<{ cell: string; line: number }> {
  const delim = detectDelimiter(text);
  let records: string[][];
  try {
    records = parse(delim.text, {
      delimiter: delim.delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
    }) as string[][];
  } catch (e) {
    const detail = e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e);
    throw msg.error('csv_parse', { detail: detail.replace(/\.$/, '') });
  }
  const header = (records[0] ?? []).map((c) => c.trim());
  let index: number;
  let hasHeader: boolean;
  if (column !== undefined) {
    const asNumber = Number(column);
    const byName = header.findIndex((h) => h.toLowerCase() === column.trim().toLowerCase());
    if (byName >= 0) {
      index = byName;
      hasHeader = true;
    } else if (Number.isInteger(asNumber) && asNumber >= 1 && asNumber <= header.length) {
      index = asNumber - 1;
      hasHeader = NAME_HEADERS.includes((header[index] ?? '').toLowerCase());
    } else {
      throw msg.error('csv_no_column', { column, columns: header.join(', ') });
    }
  } else {
    index = header.findIndex((h) => NAME_HEADERS.includes(h.toLowerCase()));
    hasHeader = index >= 0;
    if (index < 0) {
      if (header.length > 1) throw msg.error('csv_pick_column', { columns: header.join(', ') });
      index = 0;
    }
  }
  // Line numbers are approximate for records with quoted line breaks; names have none.
  return records.slice(hasHeader ? 1 : 0).map((r, i) => ({
    cell: r[index] ?? '',
    line: i + 1 + (hasHeader ? 1 : 0) + delim.linesRemoved,
  }));
}

/** Reads an uploaded name list; throws UserInputError with a specific message on bad input. */
export function parseNameList(bytes: Uint8Array, opts: ParseNamesOptions = {}): ParsedNames {
  const L = NAME_LIST_LIMITS;
  if (bytes.length > L.maxBytes) throw msg.error('file_too_large', { size: bytes.length, limit: L.maxBytes });
  const decoded = decodeBytes(bytes);
  refuseNonCsvText(decoded.text);
  const cells = isCsv(opts)
    ? csvColumn(decoded.text, opts.column)
    : decoded.text.split(/\r\n|\r|\n/).map((cell, i) => ({ cell, line: i + 1 }));
  const names: string[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  for (const { cell, line } of cells) {
    const name = cell.replace(/[\s\u00a0]+/g, ' ').trim();
    if (name === '') continue;
    // Zero-width and control characters are invisible in a chat but would be learned as letters.
    if (/[\p{Cc}\p{Cf}]/u.test(name)) throw msg.error('control_char', { line, name });
    const length = Array.from(name).length;
    if (length > L.maxLength) throw msg.error('name_too_long', { line, name, length, max: L.maxLength });
    const key = name.toLowerCase();
    if (seen.has(key)) {
      duplicates++;
      continue;
    }
    seen.add(key);
    names.push(name);
    if (names.length > L.maxNames) throw msg.error('too_many_names', { count: `> ${L.maxNames}`, max: L.maxNames });
  }
  if (names.length < L.minNames) throw msg.error('too_few_names', { count: names.length, min: L.minNames });
  const chars = new Set<string>();
  for (const n of names) for (const ch of n.toLowerCase()) chars.add(ch);
  if (chars.size > L.maxDistinctChars) throw msg.error('too_many_chars', { count: chars.size, max: L.maxDistinctChars });
  return { names, duplicates, warnings: decoded.warnings };
}

/** An uploaded file as a dataset ready for training. */
export function datasetFromUpload(bytes: Uint8Array, opts: ParseNamesOptions = {}): NameDataset & { warnings: LocalizedMessage[] } {
  const parsed = parseNameList(bytes, opts);
  const label = opts.filename ?? 'upload';
  return {
    id: `upload:${label}`,
    title: { en: `Your list (${label})`, ru: `Ваш список (${label})` },
    names: parsed.names,
    caseStyle: detectCaseStyle(parsed.names),
    warnings: parsed.warnings,
  };
}
