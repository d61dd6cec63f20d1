/**
 * The limits of CSV ingest, in one place. Each limit has its own message (see ./messages.ts)
 * that states the limit, so a student knows what to change.
 */
import { formatTemplate, UserInputError, type Lang } from '../core/errors.js';
import { withValuesPerLanguage } from './messages.js';

/** Every limit ingest enforces. Pass a `Partial<Limits>` to `ingestCsv` to change some. */
export interface Limits {
  /** Largest file accepted, in bytes (checked before downloading and on the actual bytes). */
  maxBytes: number;
  /** Largest number of data rows (after the header, blank lines excluded). */
  maxRows: number;
  /** Largest number of input columns after one-hot encoding. */
  maxEncodedColumns: number;
  /** Largest number of classes for classification. */
  maxClasses: number;
  /** Longest cell, in characters. */
  maxCellChars: number;
  /** Longest physical line, in characters. */
  maxLineChars: number;
  /** Most distinct values a categorical column may have before it is dropped. */
  maxCategories: number;
  /** Fewest rows with a usable target. */
  minRows: number;
  /** Fewest rows per class (a stratified train/validation/test split needs one of each). */
  minRowsPerClass: number;
}

/** The defaults: generous for a course, small enough for a 2-core bot host. */
export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxBytes: 10 * 1024 * 1024,
  maxRows: 100_000,
  maxEncodedColumns: 500,
  maxClasses: 50,
  maxCellChars: 1_000,
  maxLineChars: 100_000,
  maxCategories: 20,
  minRows: 10,
  minRowsPerClass: 3,
});

/** Defaults overridden by whatever the caller passes. */
export function resolveLimits(partial: Partial<Limits> = {}): Limits {
  return { ...DEFAULT_LIMITS, ...partial };
}

const BYTE_UNITS: Record<Lang, { kb: string; mb: string; space: string }> = {
  en: { kb: 'KB', mb: 'MB', space: ' ' },
  // A no-break space keeps the number and its unit on one line.
  ru: { kb: 'КБ', mb: 'МБ', space: '\u00a0' },
};

/**
 * A size a student can read: "10 MB", "512 KB", "900 B"; in Russian «10 МБ», «1,5 МБ»,
 * «900 байт» (one decimal at most, a decimal comma, plural forms of «байт»).
 */
export function formatBytes(bytes: number, lang: Lang = 'en'): string {
  const { kb, mb, space } = BYTE_UNITS[lang];
  const one = (x: number) => {
    const s = String(Number(x.toFixed(1)));
    return lang === 'ru' ? s.replace('.', ',') : s;
  };
  if (bytes >= 1024 * 1024) return `${one(bytes / (1024 * 1024))}${space}${mb}`;
  if (bytes >= 1024) return `${one(bytes / 1024)}${space}${kb}`;
  if (lang === 'en') return `${bytes} B`;
  return formatTemplate('{n}\u00a0{n|байт|байта|байт}', { n: bytes });
}

/** `csv.file_too_large` for a size in bytes, with the sizes in each language's units. */
export function fileTooLargeError(bytes: number, maxBytes: number): UserInputError {
  const size = (lang: Lang) => ({ size: formatBytes(bytes, lang), limit: formatBytes(maxBytes, lang) });
  const m = withValuesPerLanguage('file_too_large', { en: size('en'), ru: size('ru') });
  return new UserInputError(m.code, m.text, m.params);
}

/**
 * Refuses a file by its size. Bots call this with the attachment's declared size BEFORE
 * downloading it (so a 2 GB upload costs nothing); ingest calls it again on the real bytes,
 * because a declared size can be missing or wrong.
 */
export function checkDeclaredSize(bytes: number, limits: Partial<Limits> = {}): void {
  const { maxBytes } = resolveLimits(limits);
  if (bytes > maxBytes) {
    throw fileTooLargeError(bytes, maxBytes);
  }
}
