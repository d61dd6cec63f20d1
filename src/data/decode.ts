/**
 * Bytes -> text. UTF-8 (with or without BOM) and UTF-16 (with BOM, or recognisable by its
 * zero bytes) decode exactly. Anything else is a single-byte encoding: Russian Excel saves
 * "CSV" as Windows-1251, old tools as KOI8-R or CP866, Western Excel as Windows-1252. We
 * guess by letter statistics, say so in a warning, and refuse when the guess is shaky,
 * because mojibake in column names is worse than an honest "please save as CSV UTF-8".
 */
import iconv from 'iconv-lite';
import type { LocalizedMessage } from '../core/errors.js';
import { guessedEncodingWarning, msg } from './messages.js';
import { refuseKnownFormats, refuseNulBytes } from './sniff.js';

/** Decoded text plus what we learned on the way. */
export interface DecodedText {
  text: string;
  /** The encoding used, as iconv-lite names it ('utf-8', 'utf-16le', 'windows-1251', ...). */
  encoding: string;
  warnings: LocalizedMessage[];
}

/**
 * How often each Russian letter appears in ordinary text (per letter, lower case). Decoding
 * Russian bytes with the wrong Cyrillic code page still gives Cyrillic letters, but rare ones;
 * the right code page scores high.
 */
const RUSSIAN_FREQ: Record<string, number> = {
  о: 0.11, е: 0.085, а: 0.08, и: 0.074, н: 0.067, т: 0.063, с: 0.055, р: 0.047, в: 0.045,
  л: 0.044, к: 0.035, м: 0.032, д: 0.03, п: 0.028, у: 0.026, я: 0.02, ы: 0.019, ь: 0.017,
  г: 0.017, з: 0.016, б: 0.016, ч: 0.014, й: 0.012, х: 0.01, ж: 0.009, ш: 0.007, ю: 0.006,
  ц: 0.005, щ: 0.004, э: 0.003, ф: 0.003, ъ: 0.0004, ё: 0.004,
};

/** Mean letter frequency of the Cyrillic letters in `text` (0 if there are none). */
function russianScore(text: string): { score: number; cyrillic: number; nonAscii: number } {
  let sum = 0;
  let cyrillic = 0;
  let nonAscii = 0;
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) continue;
    nonAscii++;
    const lower = ch.toLowerCase();
    const f = RUSSIAN_FREQ[lower];
    if (f !== undefined) {
      sum += f;
      cyrillic++;
    }
  }
  return { score: cyrillic ? sum / cyrillic : 0, cyrillic, nonAscii };
}

/** Share of non-ASCII characters that are Latin letters with accents (À..ÿ, except × ÷). */
function latinShare(text: string): number {
  let latin = 0;
  let nonAscii = 0;
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (c < 0x80) continue;
    nonAscii++;
    if (c >= 0xc0 && c <= 0xff && c !== 0xd7 && c !== 0xf7) latin++;
  }
  return nonAscii ? latin / nonAscii : 0;
}

/**
 * UTF-8 read as Latin-1/Windows-1252 and saved again as UTF-8: "имя" becomes "Ð¸Ð¼Ñ".
 * Two such pairs in a row are never real text.
 */
const MOJIBAKE = /(?:[ÐÑ][\u0080-\u00BF\u0152\u0153\u0160\u0161\u0178\u017D\u017E\u0192\u02C6\u02DC\u2013\u2014\u2018-\u201E\u2020-\u2022\u2026\u2030\u2039\u203A\u20AC\u2122]){2,}/;

/** UTF-16 without a BOM: one byte of every pair is zero for ASCII text. */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length, 1024) & ~1;
  if (n < 4) return undefined;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  if (zeroOdd > 0.4 * pairs && zeroEven < 0.05 * pairs) return 'utf-16le';
  if (zeroEven > 0.4 * pairs && zeroOdd < 0.05 * pairs) return 'utf-16be';
  return undefined;
}

function decodeWith(bytes: Uint8Array, encoding: string): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}

/** Single-byte fallback: the most Russian-looking Cyrillic code page, or Windows-1252, or refuse. */
function decodeSingleByte(bytes: Uint8Array): DecodedText {
  // A sample is enough to decide and keeps this cheap on 10 MB files.
  const sample = bytes.subarray(0, 256 * 1024);
  let best: { encoding: string; score: number } | undefined;
  for (const encoding of ['windows-1251', 'koi8-r', 'cp866']) {
    const s = russianScore(decodeWith(sample, encoding));
    // Russian text: nearly all non-ASCII characters are Cyrillic letters, and common ones.
    if (s.nonAscii > 0 && s.cyrillic / s.nonAscii >= 0.9 && s.score >= 0.045 && (!best || s.score > best.score)) {
      best = { encoding, score: s.score };
    }
  }
  if (!best && latinShare(decodeWith(sample, 'windows-1252')) >= 0.8) best = { encoding: 'windows-1252', score: 1 };
  if (!best) throw msg.error('not_utf8');
  return {
    text: decodeWith(bytes, best.encoding),
    encoding: best.encoding,
    warnings: [guessedEncodingWarning(best.encoding)],
  };
}

/**
 * Decodes an uploaded file, refusing binary files and text that would turn into mojibake.
 * The BOM is removed; line endings are left for the parser.
 */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes.length === 0) throw msg.error('empty_file');
  const b0 = bytes[0];
  const b1 = bytes[1];
  refuseKnownFormats(bytes);
  let result: DecodedText;
  if (b0 === 0xff && b1 === 0xfe) {
    result = { text: decodeWith(bytes.subarray(2), 'utf-16le'), encoding: 'utf-16le', warnings: [] };
  } else if (b0 === 0xfe && b1 === 0xff) {
    result = { text: decodeWith(bytes.subarray(2), 'utf-16be'), encoding: 'utf-16be', warnings: [] };
  } else {
    const utf16 = guessUtf16(bytes);
    if (utf16) {
      result = {
        text: decodeWith(bytes, utf16),
        encoding: utf16,
        warnings: [guessedEncodingWarning(utf16)],
      };
    } else {
      refuseNulBytes(bytes);
      const body = b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
      let text: string | undefined;
      try {
        text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body);
      } catch {
        text = undefined;
      }
      result = text === undefined ? decodeSingleByte(body) : { text, encoding: 'utf-8', warnings: [] };
    }
  }
  // UTF-16 text may still hold NULs or be a binary in disguise; a NUL never belongs in a CSV.
  const nul = result.text.indexOf('\u0000');
  if (nul >= 0) throw msg.error('binary_nul', { offset: nul });
  if (MOJIBAKE.test(result.text.slice(0, 64 * 1024))) throw msg.error('mojibake');
  if (result.text.trim() === '') throw msg.error('empty_file');
  return result;
}
