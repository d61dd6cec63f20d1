/**
 * Recognises files that are not CSV at all (images, archives, Excel workbooks, PDFs, HTML
 * pages, JSON) so the student hears what the file looks like and how to get a CSV, instead
 * of a parser error about line 1.
 */
import type { UserInputError } from '../core/errors.js';
import { msg } from './messages.js';

/** A magic number at the start of a file and the error it leads to. */
interface Signature {
  bytes: number[];
  error: () => UserInputError;
}

const SIGNATURES: Signature[] = [
  { bytes: [0x89, 0x50, 0x4e, 0x47], error: () => msg.error('binary_png') },
  { bytes: [0xff, 0xd8, 0xff], error: () => msg.error('binary_jpeg') },
  { bytes: [0x47, 0x49, 0x46, 0x38], error: () => msg.error('binary_gif') },
  { bytes: [0x25, 0x50, 0x44, 0x46], error: () => msg.error('binary_pdf') },
  { bytes: [0x1f, 0x8b], error: () => msg.error('binary_gzip') },
  // The OLE2 container of old .xls (and .doc) files.
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], error: () => msg.error('binary_xls') },
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

/** True when the ASCII text `needle` occurs in the first `limit` bytes. */
function containsAscii(bytes: Uint8Array, needle: string, limit = 64 * 1024): boolean {
  const end = Math.min(bytes.length, limit) - needle.length;
  outer: for (let i = 0; i <= end; i++) {
    for (let j = 0; j < needle.length; j++) {
      if (bytes[i + j] !== needle.charCodeAt(j)) continue outer;
    }
    return true;
  }
  return false;
}

/** Throws if the raw bytes start like a known binary format (image, archive, workbook, PDF). */
export function refuseKnownFormats(bytes: Uint8Array): void {
  for (const s of SIGNATURES) if (startsWith(bytes, s.bytes)) throw s.error();
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // XLSX, ODS and DOCX are ZIP archives; the names of their parts give them away.
    if (containsAscii(bytes, 'xl/') || containsAscii(bytes, '[Content_Types].xml')) throw msg.error('binary_xlsx');
    if (containsAscii(bytes, 'opendocument.spreadsheet')) throw msg.error('binary_ods');
    throw msg.error('binary_zip');
  }
}

/**
 * Throws if the first 64 KB hold a NUL byte: no text file does (UTF-16 is recognised and
 * decoded before this is called).
 */
export function refuseNulBytes(bytes: Uint8Array): void {
  const head = bytes.subarray(0, 64 * 1024);
  const nul = head.indexOf(0);
  if (nul >= 0) throw msg.error('binary_nul', { offset: nul });
}

/**
 * Throws if decoded text is an HTML page (a saved web page or a sharing link's landing page)
 * or a JSON document.
 */
export function refuseNonCsvText(text: string): void {
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  if (/^<(!doctype\s+html|html|head|body|\?xml|table|div|meta|script)\b/.test(head) || /<html[\s>]/.test(head)) {
    throw msg.error('html_file');
  }
  if (/^[[{]/.test(head)) {
    const trimmed = text.trim();
    if ((trimmed.startsWith('{') && trimmed.endsWith('}')) || (trimmed.startsWith('[') && trimmed.endsWith(']'))) {
      try {
        JSON.parse(trimmed);
        throw msg.error('json_file');
      } catch (e) {
        if (e instanceof Error && e.name === 'UserInputError') throw e;
        // Not valid JSON: let the CSV parser have a go.
      }
    }
  }
}
